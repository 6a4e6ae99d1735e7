using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Reading;

/// <summary>Loops flatten into marker steps with their body in between; nested loops, labels inside and problems.</summary>
public class StepListReaderTests
{
    private static (string Json, IReadOnlyList<ProfileDiagnostic> Errors) Load(string steps)
    {
        string json = ProfileJson.With(steps: steps);
        return (json, ProfileLoader.Parse(json, "p.json").Diagnostics);
    }

    [Fact]
    public void Nested_loops_flatten_with_indices_of_the_flat_list()
    {
        var result = ProfileLoader.Parse(ProfileJson.With(steps: """
                { "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "label": "outer", "type": "loop", "count": 2, "steps": [
                    { "label": "inner", "type": "loop", "until": { "temperature": "<= 30 degC" }, "count": 4, "steps": [
                        { "label": "deep", "type": "rest", "limits": [ { "time": "1 h" } ] }
                    ] },
                    "Rest for 5 min"
                ] },
                { "type": "rest", "limits": [ { "time": "1 h", "goto": "deep" } ] }
            """), "p.json");
        Assert.False(result.Succeeded);
        var steps = ProfileLoader.Parse(ProfileJson.With(steps: """
                { "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "label": "outer", "type": "loop", "count": 2, "steps": [
                    { "label": "inner", "type": "loop", "until": { "temperature": "<= 30 degC" }, "count": 4, "steps": [
                        { "label": "deep", "type": "rest", "limits": [ { "time": "1 h" } ] }
                    ] },
                    "Rest for 5 min"
                ] }
            """), "p.json").Profile!.Steps;
        Assert.Equal(
            [(0, StepType.Rest, null), (1, StepType.Loop, "outer"), (2, StepType.Loop, "inner"), (3, StepType.Rest, "deep"), (4, StepType.LoopEnd, null), (5, StepType.Rest, null), (6, StepType.LoopEnd, null)],
            steps.Select(s => (s.Index, s.Type, s.Label)));
        Assert.Equal(new LoopSpec(1, 6, 2, null), steps[1].Loop);
        Assert.Equal(new LoopSpec(2, 4, 4, new LoopCondition(LimitKind.TemperatureAtMost, 30)), steps[2].Loop);
        Assert.Same(steps[2].Loop, steps[4].Loop);
        Assert.True(steps[1].Loop!.BodyContains(3));
        Assert.False(steps[2].Loop!.BodyContains(5));
    }

    [Fact]
    public void Labels_in_loop_bodies_are_unique_with_the_rest_and_goto_targets()
    {
        var (json, errors) = Load("""
                { "label": "a", "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "type": "loop", "count": 2, "steps": [ { "label": "a", "type": "rest", "limits": [ { "time": "1 h", "goto": "b" } ] } ] }
            """);
        Assert.Equal(2, errors.Count);
        DiagnosticAssert.Contains(errors, "$.steps[1].steps[0].label", TextPosition.Of(json, "\"a\"", 2), "duplicate label 'a' (also at $.steps[0].label, line 24)");
        DiagnosticAssert.Contains(errors, "$.steps[1].steps[0].limits[0].goto", TextPosition.Of(json, "\"b\""), "no step is labelled 'b'");
    }

    [Theory]
    [InlineData("""{ "type": "loop", "count": 2 }""", "$.steps[0]", "{ \"type\"", "a loop needs a 'steps' field (the steps to repeat)")]
    [InlineData("""{ "type": "loop", "count": 2, "steps": [] }""", "$.steps[0].steps", "[]", "a loop needs at least one step to repeat")]
    [InlineData("""{ "type": "loop", "count": 2, "steps": { } }""", "$.steps[0].steps", "{ }", "expected an array of steps, not an object")]
    [InlineData("""{ "type": "loop", "count": 2, "steps": [ { "type": "label", "label": "x" } ] }""", "$.steps[0].steps", "[ { \"type\": \"label\"", "a loop needs at least one step that runs (not only labels, loops or ends)")]
    [InlineData("""{ "type": "loop", "count": 2.5, "steps": [ "Rest for 1 h" ] }""", "$.steps[0].count", "2.5", "a loop count is a whole number of passes, at least 1, written as a JSON number (e.g. 3), not 2.5")]
    [InlineData("""{ "type": "loop", "count": "3", "steps": [ "Rest for 1 h" ] }""", "$.steps[0].count", "\"3\"", "not a string")]
    [InlineData("""{ "type": "loop", "until": { "voltage": "3 V" }, "steps": [ "Rest for 1 h" ] }""", "$.steps[0].until.voltage", "\"3 V\"", "needs a direction")]
    [InlineData("""{ "type": "loop", "until": { }, "steps": [ "Rest for 1 h" ] }""", "$.steps[0].until", "{ }", "'until' takes one condition: voltage or temperature")]
    [InlineData("""{ "type": "loop", "until": { "current": "<= 1 A" }, "steps": [ "Rest for 1 h" ] }""", "$.steps[0].until.current", "\"current\"", "unknown field 'current' in a loop's until")]
    [InlineData("""{ "type": "loop", "count": 2, "limits": [ ], "steps": [ "Rest for 1 h" ] }""", "$.steps[0].limits", "[ ]", "a loop repeats its 'steps' and takes no 'limits'; give it to the steps inside")]
    public void Loop_problems_are_reported(string step, string path, string needle, string message)
    {
        var (json, errors) = Load(step);
        DiagnosticAssert.Contains(errors, path, TextPosition.InSteps(json, needle), message);
    }

    [Fact]
    public void Problems_inside_a_loop_body_have_nested_paths()
    {
        var (json, errors) = Load("""{ "type": "loop", "count": 2, "steps": [ { "type": "chargeCc", "current": "5 V", "limits": [ { "time": "1 h" } ] } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].steps[0].current", TextPosition.Of(json, "\"5 V\""), "but \"5 V\" is a voltage");
    }
}
