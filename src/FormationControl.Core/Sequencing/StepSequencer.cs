using FormationControl.Core.Profiles;

namespace FormationControl.Core.Sequencing;

/// <summary>
/// Decides the next step of a profile once a step has ended by one of its limits.
/// Pure: it holds no run state, so a run restored from a checkpoint sequences exactly as before.
/// </summary>
public sealed class StepSequencer
{
    private readonly Profile _profile;
    private readonly Dictionary<string, int> _labels;

    public StepSequencer(Profile profile)
    {
        _profile = profile;
        _labels = profile.Steps
            .Where(s => s.Label is not null)
            .ToDictionary(s => s.Label!, s => s.Index, StringComparer.Ordinal);
    }

    /// <summary>The step after <paramref name="stepIndex"/> ended because <paramref name="limit"/> was reached.</summary>
    public SequenceDecision After(int stepIndex, StepLimit limit)
    {
        string what = $"step {stepIndex + 1} ended on {Describe(limit)}";
        return limit.Action switch
        {
            LimitAction.Next => Following(stepIndex, what),
            LimitAction.End => SequenceDecision.Completed($"{what}: end of profile"),
            LimitAction.Fault => SequenceDecision.Faulted($"{what}: the profile marks this a fault"),
            LimitAction.Goto when limit.GotoLabel is not null && _labels.TryGetValue(limit.GotoLabel, out int target) =>
                SequenceDecision.Continue(target, $"{what}: go to '{limit.GotoLabel}'"),
            _ => SequenceDecision.Faulted($"{what}: unknown goto label '{limit.GotoLabel}'"),
        };
    }

    /// <summary>The step after <paramref name="stepIndex"/> when it ended for a reason that is not one of its limits (none: next).</summary>
    public SequenceDecision Following(int stepIndex, string reason) =>
        stepIndex + 1 < _profile.Steps.Count
            ? SequenceDecision.Continue(stepIndex + 1, reason)
            : SequenceDecision.Completed($"{reason}: last step done");

    /// <summary>A limit in words, e.g. "voltage >= 4.2 V".</summary>
    public static string Describe(StepLimit limit) => limit.Kind switch
    {
        LimitKind.VoltageAtLeast => $"voltage >= {limit.Value:0.###} V",
        LimitKind.VoltageAtMost => $"voltage <= {limit.Value:0.###} V",
        LimitKind.CurrentAtMost => $"|current| <= {limit.Value:0.###} A",
        LimitKind.Duration => $"time {TimeSpan.FromSeconds(limit.Value)}",
        LimitKind.StepCapacityAh => $"step capacity {limit.Value:0.###} Ah",
        LimitKind.StepEnergyWh => $"step energy {limit.Value:0.###} Wh",
        _ => limit.Kind.ToString(),
    };
}
