using System.Text.Json;
using FormationControl.Core.Profiles;
using FormationControl.Core.Sequencing;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Sequencing;

public class StepSequencerTests
{
    private static readonly StepEndReading Reading = new(3.7, 25);

    private static Profile Load(string steps)
    {
        var result = ProfileLoader.Parse(ProfileJson.With(steps: steps), "p.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Profile;
    }

    private static StepLimit FirstLimit(Profile profile, int index, LimitAction action) => profile.Steps[index].Limits.First(l => l.Action == action);

    // Runs the profile taking, at each step, the limit that <paramref name="choose"/> picks; returns the step indices run.
    private static (List<int> Run, SequenceDecision Last) Walk(Profile profile, Func<ProfileStep, int, StepLimit?> choose, Func<int, StepEndReading>? reading = null, int maxSteps = 200)
    {
        var sequencer = new StepSequencer(profile);
        var result = sequencer.Start();
        var run = new List<int>();
        while (result.Decision.Outcome == SequenceOutcome.Continue && run.Count < maxSteps)
        {
            int index = result.Decision.NextIndex;
            run.Add(index);
            var step = profile.Steps[index];
            Assert.False(step.IsControl, $"sequencer returned control step {step.DisplayName}");
            var end = reading?.Invoke(run.Count) ?? Reading;
            result = choose(step, run.Count) is { } limit
                ? sequencer.After(index, limit, result.State, end)
                : sequencer.Following(index, "levels done", result.State, end);
        }

        return (run, result.Decision);
    }

    [Fact]
    public void Profile_without_loops_runs_in_order_with_the_stateless_api()
    {
        var profile = Load(ProfileJson.RestStep + ",\n" + ProfileJson.RestStep);
        var sequencer = new StepSequencer(profile);
        Assert.False(sequencer.HasLoops);
        var limit = profile.Steps[0].Limits[0];
        Assert.Equal(SequenceDecision.Continue(1, "step 1 ended on time 00:10:00"), sequencer.After(0, limit));
        Assert.Equal(SequenceOutcome.Completed, sequencer.After(1, limit).Outcome);
        Assert.Equal(SequenceOutcome.Continue, sequencer.Following(0, "stopped").Outcome);
    }

    [Theory]
    [InlineData("end", SequenceOutcome.Completed, "end of profile")]
    [InlineData("fault", SequenceOutcome.Faulted, "the profile marks this a fault")]
    public void End_and_fault_actions_stop_the_run(string action, SequenceOutcome outcome, string reason)
    {
        var profile = Load($$"""
                { "type": "rest", "limits": [ { "time": "1 h", "then": "{{action}}" }, { "voltage": ">= 4 V" } ] },
                { "type": "rest", "limits": [ { "time": "1 h" } ] }
            """);
        var decision = new StepSequencer(profile).After(0, profile.Steps[0].Limits[0]);
        Assert.Equal(outcome, decision.Outcome);
        Assert.EndsWith(reason, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Goto_to_a_label_step_continues_after_it_and_end_step_completes()
    {
        var profile = Load("""
                { "type": "rest", "limits": [ { "time": "1 h", "goto": "here" }, { "voltage": ">= 4 V" } ] },
                { "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "label": "here", "type": "label" },
                { "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "type": "end" },
                { "type": "rest", "limits": [ { "time": "1 h" } ] }
            """);
        var sequencer = new StepSequencer(profile);
        var toLabel = sequencer.After(0, profile.Steps[0].Limits[0]);
        Assert.Equal((SequenceOutcome.Continue, 3), (toLabel.Outcome, toLabel.NextIndex));
        var atEnd = sequencer.After(3, profile.Steps[3].Limits[0]);
        Assert.Equal(SequenceOutcome.Completed, atEnd.Outcome);
        Assert.Contains("end of profile at #4", atEnd.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Counted_loop_runs_its_body_count_times_then_goes_on()
    {
        var profile = Load("""
                { "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "label": "cycles", "type": "loop", "count": 3, "steps": [
                    { "type": "rest", "limits": [ { "time": "1 h" } ] },
                    { "type": "rest", "limits": [ { "time": "2 h" } ] }
                ] },
                { "type": "rest", "limits": [ { "time": "3 h" } ] }
            """);
        var (run, last) = Walk(profile, (step, _) => step.Limits[0]);
        Assert.Equal([0, 2, 3, 2, 3, 2, 3, 5], run);
        Assert.Equal(SequenceOutcome.Completed, last.Outcome);
    }

    [Fact]
    public void Nested_loops_multiply_and_keep_their_own_passes()
    {
        var profile = Load("""
                { "type": "loop", "count": 2, "steps": [
                    { "type": "rest", "limits": [ { "time": "1 h" } ] },
                    { "type": "loop", "count": 3, "steps": [
                        { "type": "rest", "limits": [ { "time": "2 h" } ] }
                    ] }
                ] }
            """);
        Assert.Equal([StepType.Loop, StepType.Rest, StepType.Loop, StepType.Rest, StepType.LoopEnd, StepType.LoopEnd], profile.Steps.Select(s => s.Type));
        var sequencer = new StepSequencer(profile);
        var start = sequencer.Start();
        Assert.Equal(1, start.Decision.NextIndex);
        Assert.Equal(new SequencerState([new LoopFrame(0, 1)]), start.State);

        var inner = sequencer.After(1, profile.Steps[1].Limits[0], start.State, Reading);
        Assert.Equal(3, inner.Decision.NextIndex);
        Assert.Equal(new SequencerState([new LoopFrame(0, 1), new LoopFrame(2, 1)]), inner.State);

        var (run, last) = Walk(profile, (step, _) => step.Limits[0]);
        Assert.Equal([1, 3, 3, 3, 1, 3, 3, 3], run);
        Assert.Equal(SequenceOutcome.Completed, last.Outcome);
    }

    [Fact]
    public void Until_loop_repeats_until_the_reading_that_ends_a_pass_meets_the_condition()
    {
        var profile = Load("""
                { "type": "loop", "until": { "voltage": "<= 3.3 V" }, "steps": [
                    { "type": "dischargeCc", "current": "C/10", "limits": [ { "capacity": "10 %" } ] },
                    { "type": "rest", "limits": [ { "time": "1 h" } ] }
                ] },
                { "type": "rest", "limits": [ { "time": "1 h" } ] }
            """);

        // The voltage only counts at the end of a pass (after the rest): 3.2 V after a discharge does not stop it.
        double[] voltages = [3.2, 3.6, 3.2, 3.5, 3.25, 3.3];
        var (run, last) = Walk(profile, (step, _) => step.Limits[0], n => new StepEndReading(voltages[Math.Min(n, voltages.Length) - 1], 25));
        Assert.Equal([1, 2, 1, 2, 1, 2, 4], run);
        Assert.Equal(SequenceOutcome.Completed, last.Outcome);
    }

    [Fact]
    public void Until_with_count_stops_at_whichever_comes_first()
    {
        var profile = Load("""
                { "label": "warm", "type": "loop", "count": 2, "until": { "temperature": ">= 40 degC" }, "steps": [
                    { "type": "chargeCc", "current": "C/10", "limits": [ { "time": "1 h" } ] }
                ] }
            """);
        var (run, last) = Walk(profile, (step, _) => step.Limits[0], _ => new StepEndReading(3.7, 30));
        Assert.Equal([1, 1], run);
        Assert.Contains("loop #0 'warm' done: 2 passes", last.Reason, StringComparison.Ordinal);

        var (hot, hotLast) = Walk(profile, (step, _) => step.Limits[0], _ => new StepEndReading(3.7, 41));
        Assert.Equal([1], hot);
        Assert.Contains("until met after pass 1", hotLast.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Goto_out_of_a_loop_leaves_it_and_goto_to_the_loop_restarts_it()
    {
        var profile = Load("""
                { "label": "sweep", "type": "loop", "count": 5, "steps": [
                    { "type": "dischargeCc", "current": "C/10", "limits": [ { "capacity": "10 %" }, { "voltage": "<= 3 V", "goto": "out" } ] },
                    { "type": "rest", "limits": [ { "time": "1 h" }, { "voltage": ">= 4.1 V", "goto": "sweep" } ] }
                ] },
                { "label": "out", "type": "rest", "limits": [ { "time": "1 h" } ] }
            """);
        var sequencer = new StepSequencer(profile);
        var pass2 = sequencer.After(2, profile.Steps[2].Limits[0], new SequencerState([new LoopFrame(0, 1)]), Reading);
        Assert.Equal((1, new SequencerState([new LoopFrame(0, 2)])), (pass2.Decision.NextIndex, pass2.State));

        var leave = sequencer.After(1, profile.Steps[1].Limits[1], pass2.State, Reading);
        Assert.Equal((4, SequencerState.Initial), (leave.Decision.NextIndex, leave.State));

        var restart = sequencer.After(2, profile.Steps[2].Limits[1], new SequencerState([new LoopFrame(0, 4)]), Reading);
        Assert.Equal((1, new SequencerState([new LoopFrame(0, 1)])), (restart.Decision.NextIndex, restart.State));
    }

    [Fact]
    public void A_goto_into_a_loop_body_starts_its_loops_at_pass_one()
    {
        // The loader refuses such a profile; a profile built in code still sequences in a defined way.
        var rest = new StepLimit(LimitKind.Duration, 60, LimitAction.Next, null);
        var loop = new LoopSpec(1, 3, 2, null);
        Profile profile = new("p", "1", "h", new CellSpec("NMC", 1, 3.6, 2.5, 4.2, 1, 1, 60), new SafetyLimits(2, 4.3, 2, 60, null, null), new LoggingCriteria(null, 0.01, null),
        [
            new ProfileStep(0, null, StepType.Rest, null, null, [new StepLimit(LimitKind.Duration, 60, LimitAction.Goto, "in")], null),
            new ProfileStep(1, null, StepType.Loop, null, null, [], null) { Loop = loop },
            new ProfileStep(2, "in", StepType.Rest, null, null, [rest], null),
            new ProfileStep(3, null, StepType.LoopEnd, null, null, [], null) { Loop = loop },
        ]);
        var result = new StepSequencer(profile).After(0, profile.Steps[0].Limits[0], SequencerState.Initial, Reading);
        Assert.Equal((2, new SequencerState([new LoopFrame(1, 1)])), (result.Decision.NextIndex, result.State));
    }

    [Fact]
    public void Pulse_step_ending_by_itself_goes_on_with_following()
    {
        var profile = Load("""
                { "type": "loop", "count": 2, "steps": [
                    { "type": "pulse", "levels": [ { "discharge": "1 A", "duration": "10 s" } ] }
                ] },
                { "type": "rest", "limits": [ { "time": "1 h" } ] }
            """);
        var (run, _) = Walk(profile, (step, _) => step.EndsByItself ? null : step.Limits[0]);
        Assert.Equal([1, 1, 3], run);
    }

    [Fact]
    public void The_stateless_api_refuses_a_profile_with_loops()
    {
        var profile = Load("""{ "type": "loop", "count": 2, "steps": [ { "type": "rest", "limits": [ { "time": "1 h" } ] } ] }""");
        var sequencer = new StepSequencer(profile);
        Assert.True(sequencer.HasLoops);
        var e = Assert.Throws<InvalidOperationException>(() => sequencer.After(1, profile.Steps[1].Limits[0]));
        Assert.Contains("has loops", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_step_index_is_refused()
    {
        var profile = Load("""{ "type": "loop", "count": 2, "steps": [ { "type": "rest", "limits": [ { "time": "1 h" } ] } ] }""");
        var limit = profile.Steps[1].Limits[0];
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepSequencer(profile).After(0, limit, SequencerState.Initial, Reading));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepSequencer(profile).After(9, limit, SequencerState.Initial, Reading));
    }

    [Fact]
    public void A_state_that_does_not_fit_the_profile_faults_instead_of_guessing()
    {
        var profile = Load("""{ "type": "loop", "count": 2, "steps": [ { "type": "rest", "limits": [ { "time": "1 h" } ] } ] }""");
        var result = new StepSequencer(profile).After(1, profile.Steps[1].Limits[0], SequencerState.Initial, Reading);
        Assert.Equal(SequenceOutcome.Faulted, result.Decision.Outcome);
        Assert.Contains("does not hold loop #0", result.Decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void State_survives_a_json_checkpoint_and_sequences_the_same()
    {
        var profile = Load("""{ "type": "loop", "count": 3, "steps": [ { "type": "rest", "limits": [ { "time": "1 h" } ] } ] }""");
        var sequencer = new StepSequencer(profile);
        var state = new SequencerState([new LoopFrame(0, 2)]);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        string json = JsonSerializer.Serialize(state, options);
        Assert.Equal("""{"loops":[{"startIndex":0,"pass":2}]}""", json);
        var restored = JsonSerializer.Deserialize<SequencerState>(json, options)!;
        Assert.Equal(state, restored);
        Assert.Equal(state.GetHashCode(), restored.GetHashCode());
        var limit = profile.Steps[1].Limits[0];
        Assert.Equal(sequencer.After(1, limit, state, Reading), sequencer.After(1, limit, restored, Reading));
    }

    [Theory]
    [InlineData(LimitKind.VoltageRateAtMost, 1.0 / 60000, "|dV/dt| <= 1 mV/min")]
    [InlineData(LimitKind.TemperatureAtLeast, 45, "temperature >= 45 degC")]
    [InlineData(LimitKind.TemperatureAtMost, 30, "temperature <= 30 degC")]
    [InlineData(LimitKind.VoltageAtLeast, 4.2, "voltage >= 4.2 V")]
    public void Limits_are_described_in_words(LimitKind kind, double value, string text)
    {
        Assert.Equal(text, StepSequencer.Describe(new StepLimit(kind, value, LimitAction.Next, null)));
    }
}
