using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Reading;

public class ProfileReaderTests
{
    private static IReadOnlyList<ProfileDiagnostic> Errors(string json)
    {
        var result = ProfileLoader.Parse(json, "p.json");
        Assert.False(result.Succeeded);
        Assert.Null(result.Profile);
        return result.Diagnostics;
    }

    [Fact]
    public void Minimal_profile_loads()
    {
        var result = ProfileLoader.Parse(ProfileJson.With(), "p.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var step = Assert.Single(result.Profile.Steps);
        Assert.Equal(new StepLimit(LimitKind.Duration, 600, LimitAction.Next, null), Assert.Single(step.Limits));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("version")]
    public void Missing_name_or_version_is_reported_at_the_root(string field)
    {
        string json = ProfileJson.With().Replace(field == "name" ? "  \"name\": \"test\",\n" : "  \"version\": \"1.0.0\",\n", string.Empty, StringComparison.Ordinal);
        DiagnosticAssert.Single(Errors(json), "$", (1, 1), $"a profile needs a '{field}' field");
    }

    [Fact]
    public void Every_missing_section_is_reported_in_one_pass()
    {
        var errors = Errors("{\n  \"name\": \"x\"\n}");
        Assert.Equal(
            [
                "a profile needs a 'version' field",
                "a profile needs a 'cell' field (the cell's ratings, or the path of a cell file such as \"cells/nmc-100ah.json\")",
                "a profile needs a 'safety' field",
                "a profile needs a 'logging' field (when to record samples between step boundaries)",
                "a profile needs a 'steps' field",
            ],
            errors.Select(d => d.Message));
        Assert.All(errors, d => Assert.Equal(("$", 1, 1), (d.JsonPath, d.Line, d.Column)));
    }

    [Fact]
    public void Root_must_be_an_object()
    {
        DiagnosticAssert.Single(Errors("  [1, 2]"), "$", (1, 3), "a profile must be an object, not an array");
    }

    [Fact]
    public void Misspelt_top_level_field_gets_a_suggestion()
    {
        string json = ProfileJson.With().Replace("\"steps\":", "\"stpes\":", StringComparison.Ordinal);
        var errors = Errors(json);
        Assert.Equal(2, errors.Count);
        DiagnosticAssert.Contains(errors, "$", (1, 1), "a profile needs a 'steps' field");
        DiagnosticAssert.Contains(errors, "$.stpes", TextPosition.Of(json, "\"stpes\""), "unknown field 'stpes' in a profile; did you mean 'steps'?");
    }

    [Fact]
    public void Unrelated_unknown_field_lists_the_known_ones()
    {
        string json = ProfileJson.With().Replace("\"name\": \"test\",", "\"name\": \"test\", \"operator\": \"bob\",", StringComparison.Ordinal);
        DiagnosticAssert.Single(Errors(json), "$.operator", TextPosition.Of(json, "\"operator\""),
            "unknown field 'operator' in a profile; expected one of: $schema, name, version, description, cell, safety, logging, steps");
    }

    [Theory]
    [InlineData("\"name\": \"\"", "must not be empty")]
    [InlineData("\"name\": \"   \"", "must not be empty")]
    [InlineData("\"name\": 7", "expected a string, not a number")]
    [InlineData("\"name\": null", "expected a string, not null")]
    [InlineData("\"name\": [\"a\"]", "expected a string, not an array")]
    public void Name_must_be_a_non_empty_string(string replacement, string message)
    {
        string json = ProfileJson.With().Replace("\"name\": \"test\"", replacement, StringComparison.Ordinal);
        DiagnosticAssert.Single(Errors(json), "$.name", TextPosition.Of(json, replacement[8..]), message);
    }

    [Fact]
    public void Steps_must_be_a_non_empty_array()
    {
        string empty = ProfileJson.With(steps: string.Empty);
        DiagnosticAssert.Single(Errors(empty), "$.steps", TextPosition.Of(empty, "["), "a profile needs at least one step");

        string notArray = ProfileJson.With().Replace("\"steps\": [", "\"steps\": {\"a\": [", StringComparison.Ordinal).Replace("\n  ]\n}", "\n  ]}\n}", StringComparison.Ordinal);
        DiagnosticAssert.Single(Errors(notArray), "$.steps", TextPosition.Of(notArray, "{\"a\""), "expected an array of steps, not an object");
    }

    [Fact]
    public void Schema_reference_and_description_are_accepted()
    {
        string json = ProfileJson.With().Replace("{\n  \"name\"", "{\n  \"$schema\": \"schema/profile.schema.json\",\n  \"description\": \"d\",\n  \"name\"", StringComparison.Ordinal);
        Assert.True(ProfileLoader.Parse(json, "p.json").Succeeded);
    }

    [Fact]
    public void Independent_problems_in_all_sections_are_reported_together()
    {
        string json = ProfileJson.With(steps: """
                { "type": "chargeCC", "current": "C/10", "limits": [ { "time": "1 h" } ] },
                { "type": "rest", "limits": [ { "time": "1 h", "goto": "nowhere" } ] }
            """)
            .Replace("\"maxTemperature\": \"60 degC\"", "\"maxTemperature\": \"60 C\"", StringComparison.Ordinal)
            .Replace("\"maxCurrent\": \"60 A\"", "\"maxCurrent\": \"60 V\"", StringComparison.Ordinal);
        var errors = Errors(json);
        Assert.Equal(["$.cell.maxTemperature", "$.safety.maxCurrent", "$.steps[0].type", "$.steps[1].limits[0].goto"], errors.Select(d => d.JsonPath));
        DiagnosticAssert.Matches(errors[0], "$.cell.maxTemperature", TextPosition.Of(json, "\"60 C\""), "expected a temperature (e.g. \"45 degC\"), but \"60 C\" is a C-rate");
        DiagnosticAssert.Matches(errors[2], "$.steps[0].type", TextPosition.Of(json, "\"chargeCC\""), "did you mean 'chargeCc'?");
    }
}
