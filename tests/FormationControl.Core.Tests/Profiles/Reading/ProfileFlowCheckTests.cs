using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Reading;

/// <summary>Flow checks on the whole profile: gotos into loops, loops without an exit, steps from which the profile never completes.</summary>
public class ProfileFlowCheckTests
{
    private static (string Json, IReadOnlyList<ProfileDiagnostic> Errors) Load(string steps)
    {
        string json = ProfileJson.With(steps: steps);
        return (json, ProfileLoader.Parse(json, "p.json").Diagnostics);
    }

    [Fact]
    public void A_goto_cycle_left_only_by_faults_is_reported_once_at_its_entry()
    {
        var (json, errors) = Load("""
                { "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "label": "up", "type": "chargeCc", "current": "C/5", "limits": [ { "voltage": ">= 4.1 V" }, { "time": "6 h", "then": "fault" } ] },
                { "label": "down", "type": "dischargeCc", "current": "C/5", "limits": [ { "voltage": "<= 3.0 V", "goto": "up" }, { "time": "6 h", "then": "fault" } ] },
                { "type": "rest", "limits": [ { "time": "1 h" } ] }
            """);
        DiagnosticAssert.Single(errors, "$.steps[1]", TextPosition.Of(json, "{ \"label\": \"up\""),
            "steps #1 'up' -> #2 'down' -> #1 'up' repeat forever: only a fault leads out of them; add a limit with \"then\": \"end\" or a goto out of them, or repeat them in a loop with a 'count'");
    }

    [Fact]
    public void A_goto_cycle_with_a_way_out_is_fine()
    {
        var (_, errors) = Load("""
                { "label": "up", "type": "chargeCc", "current": "C/5", "limits": [ { "voltage": ">= 4.1 V" }, { "time": "6 h", "then": "end" } ] },
                { "label": "down", "type": "dischargeCc", "current": "C/5", "limits": [ { "voltage": "<= 3.0 V", "goto": "up" }, { "capacity": "120 %" } ] }
            """);
        Assert.Empty(errors);
    }

    [Fact]
    public void A_self_goto_is_a_cycle()
    {
        var (json, errors) = Load("""{ "label": "soak", "type": "rest", "limits": [ { "time": "1 h", "goto": "soak" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0]", TextPosition.Of(json, "{ \"label\""), "steps #0 'soak' -> #0 'soak' repeat forever");
    }

    [Fact]
    public void A_step_whose_limits_all_fault_can_never_complete()
    {
        var (json, errors) = Load("""{ "type": "rest", "limits": [ { "time": "1 h", "then": "fault" }, { "voltage": "<= 2.6 V", "then": "fault" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0]", TextPosition.Of(json, "{ \"type\""), "step #0 can never complete: every way on from it ends in a fault");
    }

    [Fact]
    public void A_goto_into_a_loop_from_outside_is_refused_but_from_inside_is_fine()
    {
        var (json, errors) = Load("""
                { "type": "rest", "limits": [ { "time": "1 h", "goto": "inside" } ] },
                { "type": "loop", "count": 3, "steps": [
                    { "label": "inside", "type": "rest", "limits": [ { "time": "1 h" }, { "voltage": ">= 4 V", "goto": "inside" } ] }
                ] }
            """);
        DiagnosticAssert.Single(errors, "$.steps[0].limits[0].goto", TextPosition.Of(json, "\"inside\" }"), "goto 'inside' jumps into loop #1 from outside it; give the loop a label and go to it");
    }

    [Theory]
    [InlineData("""{ "voltage": "<= 3.0 V" }""", """{ "type": "rest", "limits": [ { "time": "1 h" } ] }""", "no step in its body discharges")]
    [InlineData("""{ "voltage": "<= 3.0 V" }""", """{ "type": "dischargeCc", "current": "C/5", "limits": [ { "voltage": "<= 3.5 V" } ] }""", "no step in its body takes the cell below 3.5 V")]
    [InlineData("""{ "voltage": "<= 2.4 V" }""", """{ "type": "dischargeCc", "current": "C/5", "limits": [ { "time": "1 h" } ] }""", "no step in its body takes the cell below 2.5 V")]
    [InlineData("""{ "voltage": ">= 4.1 V" }""", """{ "type": "dischargeCc", "current": "C/5", "limits": [ { "time": "1 h" } ] }""", "no step in its body charges")]
    [InlineData("""{ "voltage": ">= 4.1 V" }""", """{ "type": "chargeCccv", "current": "C/5", "voltage": "4.0 V", "limits": [ { "current": "<= C/20" } ] }""", "no step in its body takes the cell above 4 V")]
    [InlineData("""{ "temperature": ">= 40 degC" }""", """{ "type": "rest", "limits": [ { "time": "1 h" } ] }""", "no step in its body drives a current that could warm the cell")]
    [InlineData("""{ "temperature": ">= 56 degC" }""", """{ "type": "chargeCc", "current": "1 A", "limits": [ { "time": "1 h" } ] }""", "safety.maxTemperature (55 degC) faults the channel first")]
    public void An_until_loop_whose_body_cannot_meet_the_condition_has_no_exit(string until, string body, string problem)
    {
        var (json, errors) = Load($$"""{ "type": "loop", "until": {{until}}, "steps": [ {{body}} ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].until", TextPosition.Of(json, until), $"loop #0 has no exit: it repeats until ");
        Assert.Contains(problem, errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_until_loop_that_can_meet_its_condition_or_has_a_count_is_fine()
    {
        Assert.Empty(Load("""{ "type": "loop", "until": { "voltage": "<= 3.0 V" }, "steps": [ { "type": "dischargeCc", "current": "C/5", "limits": [ { "capacity": "10 %" } ] } ] }""").Errors);
        Assert.Empty(Load("""{ "type": "loop", "count": 3, "until": { "voltage": "<= 3.0 V" }, "steps": [ { "type": "rest", "limits": [ { "time": "1 h" } ] } ] }""").Errors);
        Assert.Empty(Load("""{ "type": "loop", "until": { "voltage": ">= 4.1 V" }, "steps": [ { "type": "pulse", "levels": [ { "charge": "1 A", "duration": "1 min" } ] } ] }""").Errors);
    }

    [Fact]
    public void Flow_is_not_checked_while_steps_have_other_problems()
    {
        var (json, errors) = Load("""{ "label": "soak", "type": "rest", "limits": [ { "time": "1 h", "goto": "soak" }, { "time": "5 V" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].limits[1].time", TextPosition.Of(json, "\"5 V\""), "is a voltage");
    }

    [Fact]
    public void A_cycle_through_a_counted_loop_is_described_by_its_runnable_steps()
    {
        var (json, errors) = Load("""
                { "label": "charge", "type": "chargeCccv", "current": "C/10", "voltage": "4.2 V", "limits": [ { "current": "<= C/50" } ] },
                { "type": "loop", "count": 3, "steps": [
                    { "label": "cyc", "type": "rest", "limits": [ { "time": "30 min" } ] }
                ] },
                { "label": "down", "type": "dischargeCc", "current": "C/5", "limits": [ { "voltage": "<= 2.5 V", "goto": "charge" } ] }
            """);
        DiagnosticAssert.Single(errors, "$.steps[0]", TextPosition.Of(json, "{ \"label\": \"charge\""),
            "steps #0 'charge' -> #2 'cyc' -> #4 'down' -> #0 'charge' repeat forever");
    }
}
