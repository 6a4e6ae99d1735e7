using FormationControl.Core.Grading;
using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Grading.Reading;

/// <summary>Problems in the full recipe form are reported at file:line:column with the JSON path.</summary>
public class GradeRuleReaderTests
{
    private const string Recipe = """
        {
          "name": "r",
          "version": "1",
          "nominalCapacity": "100 Ah",
          "inputs": { "capacity": { "step": "capacity" }, "kValue": {} },
          "screens": [ { "code": "K", "input": "kValue", "reference": "mean", "maxSigma": 3 } ],
          "grades": [ { "grade": "A", "rules": [ { "input": "capacity", "min": "99 %", "max": "110 %" } ] } ],
          "rejectGrade": "R"
        }
        """;

    private static IReadOnlyList<ProfileDiagnostic> Errors(string json)
    {
        var result = GradingRecipeLoader.Parse(json, "g.json");
        Assert.False(result.Succeeded);
        return result.Diagnostics;
    }

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, Recipe, StringComparison.Ordinal);
        return Recipe.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void The_base_recipe_loads()
    {
        var recipe = GradingRecipeLoader.Parse(Recipe, "g.json").Recipe!;
        Assert.Equal(new GradeRule(GradeInput.Capacity, GradeReference.Absolute, 99, 110), recipe.Classes[0].Rules[0]);
        Assert.Equal(3, recipe.Screens[0].Rule.MaxSigma);
    }

    [Fact]
    public void An_undeclared_input_is_reported_at_the_rule()
    {
        string json = Edit("\"input\": \"capacity\", \"min\"", "\"input\": \"ocv\", \"min\"");
        DiagnosticAssert.Single(Errors(json), "$.grades[0].rules[0].input", TextPosition.Of(json, "\"ocv\""), "input 'ocv' is not declared in 'inputs'");
    }

    [Fact]
    public void Sigma_needs_the_mean()
    {
        string json = Edit("\"reference\": \"mean\", \"maxSigma\"", "\"reference\": \"median\", \"maxSigma\"");
        DiagnosticAssert.Single(Errors(json), "$.screens[0].maxSigma", TextPosition.Of(json, "3 }"), "need \"reference\": \"mean\"");
    }

    [Fact]
    public void A_k_value_in_an_unknown_unit_is_named()
    {
        string json = Edit("\"maxSigma\": 3", "\"max\": \"0.5 mV/week\"");
        DiagnosticAssert.Single(Errors(json), "$.screens[0].max", TextPosition.Of(json, "\"0.5 mV/week\""), "is not a K-value such as \"0.5 mV/day\"");
    }

    [Fact]
    public void An_absolute_percent_of_something_else_than_capacity_is_refused()
    {
        string json = Edit("\"reference\": \"mean\", \"maxSigma\": 3", "\"max\": \"5 %\"");
        DiagnosticAssert.Single(Errors(json), "$.screens[0].max", TextPosition.Of(json, "\"5 %\""), "cannot be a percentage");
    }

    [Fact]
    public void Max_must_be_above_min()
    {
        string json = Edit("\"min\": \"99 %\", \"max\": \"110 %\"", "\"min\": \"99 %\", \"max\": \"98 %\"");
        DiagnosticAssert.Single(Errors(json), "$.grades[0].rules[0].max", TextPosition.Of(json, "\"98 %\""), "must be above min (99)");
    }

    [Fact]
    public void Unknown_rule_field_gets_a_suggestion()
    {
        string json = Edit("\"maxSigma\": 3", "\"maxSigmas\": 3");
        DiagnosticAssert.Contains(Errors(json), "$.screens[0].maxSigmas", TextPosition.Of(json, "\"maxSigmas\""), "did you mean 'maxSigma'?");
    }

    [Fact]
    public void The_reject_grade_cannot_be_a_grade()
    {
        string json = Edit("\"rejectGrade\": \"R\"", "\"rejectGrade\": \"A\"");
        DiagnosticAssert.Single(Errors(json), "$.rejectGrade", TextPosition.Of(json, "\"A\"\n"), "is also a grade's name");
    }
}
