using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Reading;

public class StepLabelsTests
{
    private static (string Json, IReadOnlyList<ProfileDiagnostic> Errors) Load(string steps)
    {
        string json = ProfileJson.With(steps: steps);
        return (json, ProfileLoader.Parse(json, "p.json").Diagnostics);
    }

    [Fact]
    public void Duplicate_label_is_reported_at_the_second_with_the_first_place()
    {
        var (json, errors) = Load("""
                { "label": "soak", "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "label": "soak", "type": "rest", "limits": [ { "time": "1 h", "goto": "soak" } ] }
            """);
        var first = TextPosition.Of(json, "\"soak\"");
        DiagnosticAssert.Single(errors, "$.steps[1].label", TextPosition.Of(json, "\"soak\"", 2), $"duplicate label 'soak' (also at $.steps[0].label, line {first.Line})");
    }

    [Theory]
    [InlineData("\"1st\"", "label '1st' must start with a letter and contain only letters, digits, '-', '_' and '.'")]
    [InlineData("\"charge 1\"", "label 'charge 1' must start with a letter")]
    [InlineData("\"\"", "must not be empty")]
    [InlineData("3", "expected a string, not a number")]
    public void Malformed_label_is_reported(string label, string message)
    {
        var (json, errors) = Load($$"""{ "label": {{label}}, "type": "rest", "limits": [ { "time": "1 h" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].label", TextPosition.Of(json, label + ","), message);
    }

    [Fact]
    public void Labels_are_kept_on_steps_and_optional()
    {
        var result = ProfileLoader.Parse(ProfileJson.With(steps: """
                { "label": "Charge_1.a-b", "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "type": "rest", "limits": [ { "time": "1 h" } ] }
            """), "p.json");
        Assert.Equal(["Charge_1.a-b", null], result.Profile!.Steps.Select(s => s.Label));
    }
}
