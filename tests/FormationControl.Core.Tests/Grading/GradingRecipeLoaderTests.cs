using FormationControl.Core.Grading;
using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Grading;

public class GradingRecipeLoaderTests
{
    private static readonly string SampleText = File.ReadAllText(ProfileJson.SamplePath("grading/nmc-100ah-capacity.json"));

    private const string Minimal = """
        {
          "name": "r",
          "version": "1",
          "capacityStep": "capacity",
          "nominalCapacity": "100 Ah",
          "bins": [
            { "grade": "A", "minCapacity": "100 %", "maxCapacity": "110 %" },
            { "grade": "B", "minCapacity": "95 Ah", "maxCapacity": "100 Ah" }
          ],
          "rejectGrade": "R"
        }
        """;

    private static IReadOnlyList<ProfileDiagnostic> Errors(string json)
    {
        var result = GradingRecipeLoader.Parse(json, "g.json");
        Assert.False(result.Succeeded);
        Assert.Null(result.Recipe);
        return result.Diagnostics;
    }

    private static string Edit(string text, string from, string to)
    {
        Assert.Contains(from, text, StringComparison.Ordinal);
        return text.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_loads_with_percent_bins_resolved_to_ah()
    {
        var result = GradingRecipeLoader.LoadFile(ProfileJson.SamplePath("grading/nmc-100ah-capacity.json"));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var recipe = result.Recipe;
        Assert.Equal(("nmc-100ah-capacity", "1.0.0", "capacity", (double?)100, "reject"), (recipe.Name, recipe.Version, recipe.CapacityStepLabel, recipe.NominalCapacityAh, recipe.RejectGrade));
        Assert.Equal([new GradeBin("A", 100.5, 110), new GradeBin("B", 99.5, 100.5), new GradeBin("C", 98, 99.5)], recipe.Bins);
        Assert.Matches("^[0-9a-f]{64}$", recipe.Hash);
        Assert.Equal(GradingRecipeHash.Compute(recipe), recipe.Hash);
    }

    [Fact]
    public void Sample_grades_the_expected_population_mostly_a()
    {
        // Mean 101 %, sigma 0.7 %: the mean is an A, one sigma below a B, three sigma below a C.
        var recipe = GradingRecipeLoader.Parse(SampleText, "s").Recipe!;
        Assert.Equal(["A", "B", "C", "reject"], new double?[] { 101, 100.3, 98.9, 97.9 }.Select(c => recipe.Grade(c).Grade));
    }

    [Fact]
    public void Bins_in_ah_need_no_nominal_capacity()
    {
        string json = Edit(Edit(Minimal, "\"nominalCapacity\": \"100 Ah\",", string.Empty), "\"100 %\", \"maxCapacity\": \"110 %\"", "\"100 Ah\", \"maxCapacity\": \"110 Ah\"");
        var recipe = GradingRecipeLoader.Parse(json, "g.json").Recipe!;
        Assert.Null(recipe.NominalCapacityAh);
        Assert.Equal(new GradeBin("A", 100, 110), recipe.Bins[0]);
    }

    [Fact]
    public void Percent_without_nominal_capacity_is_reported_at_each_edge()
    {
        string json = Edit(Minimal, "\"nominalCapacity\": \"100 Ah\",", string.Empty);
        var errors = Errors(json);
        Assert.Equal(2, errors.Count);
        DiagnosticAssert.Matches(errors[0], "$.bins[0].minCapacity", TextPosition.Of(json, "\"100 %\""), "\"100 %\" is a percentage of nominalCapacity, which is missing or invalid");
        DiagnosticAssert.Matches(errors[1], "$.bins[0].maxCapacity", TextPosition.Of(json, "\"110 %\""), "is a percentage of nominalCapacity");
    }

    [Fact]
    public void Overlapping_bins_are_reported_at_the_later_bin()
    {
        string json = Edit(Minimal, "\"maxCapacity\": \"100 Ah\"", "\"maxCapacity\": \"100.5 Ah\"");
        DiagnosticAssert.Single(Errors(json), "$.bins[1]", TextPosition.Of(json, "{ \"grade\": \"B\""), "bin 'B' [95, 100.5) Ah overlaps bin 'A' [100, 110) Ah at $.bins[0]");
    }

    [Fact]
    public void A_bin_inside_another_overlaps_it()
    {
        string json = Edit(Minimal, "\"95 Ah\", \"maxCapacity\": \"100 Ah\"", "\"101 Ah\", \"maxCapacity\": \"102 Ah\"");
        DiagnosticAssert.Single(Errors(json), "$.bins[1]", TextPosition.Of(json, "{ \"grade\": \"B\""), "overlaps bin 'A'");
    }

    [Fact]
    public void Max_must_be_above_min()
    {
        string json = Edit(Minimal, "\"95 Ah\", \"maxCapacity\": \"100 Ah\"", "\"95 Ah\", \"maxCapacity\": \"95 Ah\"");
        DiagnosticAssert.Single(Errors(json), "$.bins[1].maxCapacity", TextPosition.Of(json, "\"95 Ah\"", 2), "must be above minCapacity (95 Ah)");
    }

    [Theory]
    [InlineData("\"95 Ah\"", "\"95 V\"", "$.bins[1].minCapacity", "expected a capacity (e.g. \"100 Ah\") or a percentage (e.g. \"50 %\"), but \"95 V\" is a voltage")]
    [InlineData("\"95 Ah\"", "\"-95 Ah\"", "$.bins[1].minCapacity", "a capacity cannot be negative")]
    [InlineData("\"95 Ah\"", "95", "$.bins[1].minCapacity", "a bare number has no unit")]
    [InlineData("\"100 Ah\",\n  \"bins\"", "\"100 %\",\n  \"bins\"", "$.nominalCapacity", "expected a capacity (e.g. \"100 Ah\"), but \"100 %\" is a percentage")]
    public void Wrong_units_are_reported(string from, string to, string path, string message)
    {
        string json = Edit(Minimal, from, to);
        var errors = Errors(json);
        DiagnosticAssert.Contains(errors, path, TextPosition.Of(json, to.Split(',')[0]), message);
    }

    [Fact]
    public void Reject_grade_must_differ_from_every_bin_grade()
    {
        string json = Edit(Minimal, "\"rejectGrade\": \"R\"", "\"rejectGrade\": \"B\"");
        DiagnosticAssert.Single(Errors(json), "$.rejectGrade", TextPosition.Of(json, "\"B\"\n"), "the reject grade 'B' is also a bin's grade");
    }

    [Fact]
    public void All_missing_fields_are_reported_at_once()
    {
        var errors = Errors("{ \"version\": \"1\" }");
        Assert.Equal(
            [
                "a grading recipe needs a 'name' field",
                "a grading recipe needs a 'capacityStep' field (the label of the profile step whose discharge capacity is graded)",
                "a grading recipe needs a 'bins' field",
                "a grading recipe needs a 'rejectGrade' field (the grade of a cell outside every bin)",
            ],
            errors.Select(d => d.Message));
        Assert.All(errors, d => Assert.Equal("g.json:1:1: $: " + d.Message, d.ToString()));
    }

    [Fact]
    public void Misspelt_fields_get_suggestions()
    {
        string json = Edit(Edit(Minimal, "\"bins\":", "\"bin\":"), "\"grade\": \"A\"", "\"grde\": \"A\"");
        var errors = Errors(json);
        DiagnosticAssert.Contains(errors, "$.bin", TextPosition.Of(json, "\"bin\""), "unknown field 'bin' in a grading recipe; did you mean 'bins'?");
        DiagnosticAssert.Contains(errors, "$", (1, 1), "a grading recipe needs a 'bins' field");
    }

    [Fact]
    public void Bins_must_be_a_non_empty_array()
    {
        string json = Edit(Minimal, "\"bins\": [", "\"bins\": [], \"x\": [");
        var errors = Errors(json);
        DiagnosticAssert.Contains(errors, "$.bins", TextPosition.Of(json, "[]"), "a recipe needs at least one bin");
    }

    [Fact]
    public void Syntax_errors_use_the_same_positions()
    {
        string json = Edit(Minimal, "\"grade\": \"A\",", "\"grade\": \"A\"");
        var d = Assert.Single(Errors(json));
        Assert.Equal((TextPosition.Of(json, "\"minCapacity\"").Line, TextPosition.Of(json, "\"minCapacity\"").Column, "$.bins[0]"), (d.Line, d.Column, d.JsonPath));
        Assert.StartsWith("invalid JSON", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_a_diagnostic()
    {
        var result = GradingRecipeLoader.LoadFile(Path.Combine(Path.GetTempPath(), $"fc-none-{Guid.NewGuid():N}.json"));
        Assert.StartsWith("cannot read the file", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_ignores_bin_order_layout_and_unit_spelling()
    {
        string hash = GradingRecipeLoader.Parse(SampleText, "s").Recipe!.Hash;
        string variant = Edit(SampleText, "{ \"grade\": \"A\", \"minCapacity\": \"100.5 %\", \"maxCapacity\": \"110 %\" },", string.Empty);
        variant = Edit(variant, "{ \"grade\": \"C\", \"minCapacity\": \"98 %\", \"maxCapacity\": \"99.5 %\" }",
            "{ \"maxCapacity\": \"99500 mAh\", \"grade\": \"C\", \"minCapacity\": \"98 Ah\" },\n{\"grade\":\"A\",\"minCapacity\":\"100.5 Ah\",\"maxCapacity\":\"110 %\"}");
        var result = GradingRecipeLoader.Parse(variant, "v");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(hash, result.Recipe.Hash);
    }

    [Theory]
    [InlineData("\"99.5 %\", \"maxCapacity\": \"100.5 %\"", "\"99.6 %\", \"maxCapacity\": \"100.5 %\"")]
    [InlineData("\"rejectGrade\": \"reject\"", "\"rejectGrade\": \"R\"")]
    [InlineData("\"capacityStep\": \"capacity\"", "\"capacityStep\": \"discharge-1\"")]
    [InlineData("\"grade\": \"C\"", "\"grade\": \"C1\"")]
    public void Hash_changes_with_any_value(string from, string to)
    {
        string hash = GradingRecipeLoader.Parse(SampleText, "s").Recipe!.Hash;
        Assert.NotEqual(hash, GradingRecipeLoader.Parse(Edit(SampleText, from, to), "v").Recipe!.Hash);
    }

    [Fact]
    public void Canonical_text_is_in_ah_and_sorted()
    {
        var recipe = GradingRecipeLoader.Parse(SampleText, "s").Recipe!;
        Assert.Equal(
            "{\"format\":\"formationcontrol.grading/1\",\"name\":\"nmc-100ah-capacity\",\"version\":\"1.0.0\",\"capacityStep\":\"capacity\",\"nominalCapacityAh\":100,"
            + "\"bins\":[{\"grade\":\"C\",\"minCapacityAh\":98,\"maxCapacityAh\":99.5},{\"grade\":\"B\",\"minCapacityAh\":99.5,\"maxCapacityAh\":100.5},{\"grade\":\"A\",\"minCapacityAh\":100.5,\"maxCapacityAh\":110}],"
            + "\"rejectGrade\":\"reject\"}",
            GradingRecipeHash.CanonicalText(recipe));
    }
}
