using FormationControl.Core.Profiles;

namespace FormationControl.Core.Sequencing;

/// <summary>
/// Decides the next step of a profile once a step has ended: by its limit's action (next, goto, end, fault), passing
/// through control steps (labels, loop markers, ends) so that the step it returns is always one a channel runs.
/// Pure: the loop passes live in a <see cref="SequencerState"/> that goes in and comes back out, so a run restored
/// from a checkpoint (step index + state) sequences exactly as before.
/// </summary>
/// <remarks>
/// Loops repeat their body until the count is done or the until condition holds on the reading that ends a pass,
/// whichever comes first. A goto out of a loop leaves it (and the loops around it that do not hold the target); a
/// goto to a loop's marker starts it afresh; a goto into a loop body (refused by the loader) starts the loops around
/// the target at pass 1.
/// </remarks>
public sealed class StepSequencer
{
    private readonly Profile _profile;
    private readonly Dictionary<string, int> _labels;
    private readonly int _maxHops;

    public StepSequencer(Profile profile)
    {
        _profile = profile;
        _labels = profile.Steps
            .Where(s => s.Label is not null)
            .ToDictionary(s => s.Label!, s => s.Index, StringComparer.Ordinal);
        HasLoops = profile.Steps.Any(s => s.Type == StepType.Loop);

        // Each pass of a loop runs a step, so the markers between two runnable steps are few; more means a broken profile.
        _maxHops = (4 * profile.Steps.Count) + 8;
    }

    /// <summary>Whether the profile has loops, whose passes need the stateful overloads.</summary>
    public bool HasLoops { get; }

    /// <summary>The first step to run and the state to run it with.</summary>
    public SequenceResult Start() => Resolve(0, SequencerState.Initial, StepEndReading.None, "start");

    /// <summary>
    /// The step after <paramref name="stepIndex"/> ended because <paramref name="limit"/> was reached, with the loop
    /// state the step ran in and what the cell showed at its end (for until-loops).
    /// </summary>
    public SequenceResult After(int stepIndex, StepLimit limit, SequencerState state, StepEndReading reading)
    {
        CheckRunnable(stepIndex);
        string what = $"step {stepIndex + 1} ended on {Describe(limit)}";
        switch (limit.Action)
        {
            case LimitAction.Next:
                return Resolve(stepIndex + 1, state, reading, what);
            case LimitAction.End:
                return new(SequenceDecision.Completed($"{what}: end of profile"), state);
            case LimitAction.Fault:
                return new(SequenceDecision.Faulted($"{what}: the profile marks this a fault"), state);
            case LimitAction.Goto when limit.GotoLabel is not null && _labels.TryGetValue(limit.GotoLabel, out int target):
                return Resolve(target, Enter(target, state), reading, $"{what}: go to '{limit.GotoLabel}'");
            default:
                return new(SequenceDecision.Faulted($"{what}: unknown goto label '{limit.GotoLabel}'"), state);
        }
    }

    /// <summary>
    /// The step after <paramref name="stepIndex"/> when it ended for a reason that is not one of its limits (a pulse
    /// step after its last level): the next one.
    /// </summary>
    public SequenceResult Following(int stepIndex, string reason, SequencerState state, StepEndReading reading)
    {
        CheckRunnable(stepIndex);
        return Resolve(stepIndex + 1, state, reading, reason);
    }

    /// <summary>
    /// The step after <paramref name="stepIndex"/> ended because <paramref name="limit"/> was reached, for a profile
    /// without loops. Throws <see cref="InvalidOperationException"/> for a profile with loops: use the stateful overload.
    /// </summary>
    public SequenceDecision After(int stepIndex, StepLimit limit) => After(stepIndex, limit, Stateless(), StepEndReading.None).Decision;

    /// <summary>The step after <paramref name="stepIndex"/> when it ended for a reason that is not one of its limits (none: next), for a profile without loops.</summary>
    public SequenceDecision Following(int stepIndex, string reason) => Following(stepIndex, reason, Stateless(), StepEndReading.None).Decision;

    /// <summary>A limit in words, e.g. "voltage >= 4.2 V".</summary>
    public static string Describe(StepLimit limit) => limit.Kind switch
    {
        LimitKind.VoltageAtLeast => $"voltage >= {limit.Value:0.###} V",
        LimitKind.VoltageAtMost => $"voltage <= {limit.Value:0.###} V",
        LimitKind.CurrentAtMost => $"|current| <= {limit.Value:0.###} A",
        LimitKind.Duration => $"time {TimeSpan.FromSeconds(limit.Value)}",
        LimitKind.StepCapacityAh => $"step capacity {limit.Value:0.###} Ah",
        LimitKind.StepEnergyWh => $"step energy {limit.Value:0.###} Wh",
        LimitKind.VoltageRateAtMost => $"|dV/dt| <= {limit.Value * 60000:0.###} mV/min",
        LimitKind.VoltageRateAtLeast => $"|dV/dt| >= {limit.Value * 60000:0.###} mV/min",
        LimitKind.TemperatureAtLeast => $"temperature >= {limit.Value:0.#} degC",
        LimitKind.TemperatureAtMost => $"temperature <= {limit.Value:0.#} degC",
        _ => limit.Kind.ToString(),
    };

    private SequencerState Stateless() => HasLoops
        ? throw new InvalidOperationException($"profile '{_profile.Name}' has loops: sequence it with the overloads that take a {nameof(SequencerState)}")
        : SequencerState.Initial;

    private void CheckRunnable(int stepIndex)
    {
        if (stepIndex < 0 || stepIndex >= _profile.Steps.Count || _profile.Steps[stepIndex].IsControl)
        {
            throw new ArgumentOutOfRangeException(nameof(stepIndex), stepIndex, $"not the index of a step that runs in profile '{_profile.Name}'");
        }
    }

    // Leaves the loops that do not hold the target and starts those around it that are not running.
    private SequencerState Enter(int target, SequencerState state)
    {
        while (state.Loops.Count > 0 && !LoopAt(state.Loops[^1].StartIndex).BodyContains(target))
        {
            state = state.Pop();
        }

        foreach (var loop in _profile.Steps.Where(s => s.Type == StepType.Loop && s.Loop!.BodyContains(target)))
        {
            if (state.PassOf(loop.Index) == 0)
            {
                state = state.Push(new LoopFrame(loop.Index, 1));
            }
        }

        return state;
    }

    private LoopSpec LoopAt(int startIndex) => _profile.Steps[startIndex].Loop!;

    // From index on, passes through control steps to the next step that runs (or to the end of the profile).
    private SequenceResult Resolve(int index, SequencerState state, StepEndReading reading, string reason)
    {
        for (int hops = 0; hops < _maxHops; hops++)
        {
            if (index >= _profile.Steps.Count)
            {
                return new(SequenceDecision.Completed($"{reason}: last step done"), state);
            }

            var step = _profile.Steps[index];
            switch (step.Type)
            {
                case StepType.Loop:
                    state = state.Push(new LoopFrame(index, 1));
                    reason += $"; loop {step.DisplayName} pass 1";
                    index++;
                    break;
                case StepType.LoopEnd:
                    var spec = step.Loop!;
                    if (state.Loops.Count == 0 || state.Loops[^1].StartIndex != spec.StartIndex)
                    {
                        return new(SequenceDecision.Faulted($"{reason}: the run state {state} does not hold loop #{spec.StartIndex}"), state);
                    }

                    var loop = _profile.Steps[spec.StartIndex];
                    int pass = state.Loops[^1].Pass;
                    if (spec.Until is { } until && until.IsMet(reading.VoltageV, reading.TemperatureC))
                    {
                        (state, index, reason) = (state.Pop(), index + 1, $"{reason}; loop {loop.DisplayName} done: until met after pass {pass}");
                    }
                    else if (spec.Count is { } count && pass >= count)
                    {
                        (state, index, reason) = (state.Pop(), index + 1, $"{reason}; loop {loop.DisplayName} done: {count} passes");
                    }
                    else
                    {
                        (state, index, reason) = (state.ReplaceTop(new LoopFrame(spec.StartIndex, pass + 1)), spec.StartIndex + 1, $"{reason}; loop {loop.DisplayName} pass {pass + 1}");
                    }

                    break;
                case StepType.Label:
                    index++;
                    break;
                case StepType.End:
                    return new(SequenceDecision.Completed($"{reason}: end of profile at {step.DisplayName}"), state);
                default:
                    return new(SequenceDecision.Continue(index, reason), state);
            }
        }

        return new(SequenceDecision.Faulted($"{reason}: the profile's flow does not reach a step that runs"), state);
    }
}
