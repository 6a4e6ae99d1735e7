using System.Text.Json;
using System.Text.Json.Nodes;
using FormationControl.Core.Profiles;
using FormationControl.Core.Profiles.Reading;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles;

/// <summary>
/// The JSON Schema editors use and the loader agree: same fields and names, every sample valid in both, every file of
/// the invalid corpus rejected by both (and by the loader with the expected problem at the expected place).
/// </summary>
public class ProfileSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(ProfileJson.SamplePath("schema/profile.schema.json")))!;
    private static readonly JsonNode CellSchema = JsonNode.Parse(File.ReadAllText(ProfileJson.SamplePath("schema/cell.schema.json")))!;

    public static TheoryData<string> Samples => [.. ProfileJson.SampleProfiles()];

    public static TheoryData<string> CellFiles => [.. Directory.EnumerateFiles(ProfileJson.SamplePath("cells"), "*.json").Order(StringComparer.Ordinal)];

    public static TheoryData<string> Invalid => [.. ProfileJson.Corpus("Invalid").Select(Path.GetFileName).OfType<string>()];

    public static TheoryData<string> LoaderOnly => [.. ProfileJson.Corpus("LoaderOnly").Select(Path.GetFileName).OfType<string>()];

    private static string[] PropertiesOf(JsonNode node) => [.. node["properties"]!.AsObject().Select(p => p.Key)];

    private static JsonNode Def(string name) => Schema["$defs"]![name]!;

    [Fact]
    public void Schema_sections_list_the_loaders_fields()
    {
        Assert.Equal(ProfileReader.Fields, PropertiesOf(Schema));
        Assert.Equal(CellSpecReader.Fields, PropertiesOf(Def("cell")));
        Assert.Equal(SafetyLimitsReader.Fields, PropertiesOf(Schema["properties"]!["safety"]!));
        Assert.Equal(LoggingCriteriaReader.Fields, PropertiesOf(Def("logging")));
        Assert.Equal(StepReader.Fields, PropertiesOf(Def("stepObject")));
        Assert.Equal(StepLimitReader.Fields, PropertiesOf(Def("limit")));
        Assert.Equal(LoopReader.UntilConditions, PropertiesOf(Def("until")));
        Assert.Equal(PulseLevelReader.Fields.Order(StringComparer.Ordinal), Def("pulseLevel")["oneOf"]!.AsArray().SelectMany(n => PropertiesOf(n!)).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Schema_enums_list_the_loaders_names()
    {
        Assert.Equal(ProfileJsonNames.StepTypes, Def("stepObject")["properties"]!["type"]!["enum"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["next", "end", "fault"], Def("limit")["properties"]!["then"]!["enum"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void Cell_file_schema_describes_the_inline_cell()
    {
        Assert.Equal(CellSpecReader.Fields, PropertiesOf(CellSchema));
        Assert.True(JsonNode.DeepEquals(Def("cell")["properties"], CellSchema["properties"]));
        Assert.True(JsonNode.DeepEquals(Def("cell")["required"], CellSchema["required"]));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_points_at_the_schema_and_is_valid_in_schema_and_loader(string path)
    {
        var sample = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("schema/profile.schema.json", (string)sample["$schema"]!);
        Assert.Empty(SchemaValidator.Errors(path));
        var result = ProfileLoader.LoadFile(path);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [MemberData(nameof(CellFiles))]
    public void Cell_file_points_at_its_schema_and_is_valid(string path)
    {
        Assert.Equal("../schema/cell.schema.json", (string)JsonNode.Parse(File.ReadAllText(path))!["$schema"]!);
        Assert.Empty(SchemaValidator.Errors(path));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_file_is_rejected_by_schema_and_loader_where_it_says(string name)
    {
        string path = ProfileJson.Corpus("Invalid").Single(p => Path.GetFileName(p) == name);
        Assert.NotEmpty(SchemaValidator.Errors(path));
        AssertLoaderReportsExpected(path);
    }

    [Theory]
    [MemberData(nameof(LoaderOnly))]
    public void File_the_schema_cannot_judge_is_rejected_by_the_loader_where_it_says(string name)
    {
        string path = ProfileJson.Corpus("LoaderOnly").Single(p => Path.GetFileName(p) == name);
        Assert.Empty(SchemaValidator.Errors(path));
        AssertLoaderReportsExpected(path);
    }

    [Fact]
    public void Both_corpora_cover_many_error_classes()
    {
        int invalid = ProfileJson.Corpus("Invalid").Count();
        int loaderOnly = ProfileJson.Corpus("LoaderOnly").Count();
        Assert.True(invalid >= 10, $"{invalid} invalid files");
        Assert.True(loaderOnly >= 10, $"{loaderOnly} loader-only files");
    }

    // Each corpus file says what the loader must report: "description": "expect <line>:<column> <jsonPath>: <message part>".
    private static void AssertLoaderReportsExpected(string path)
    {
        string text = File.ReadAllText(path);
        string expectation = JsonDocument.Parse(text).RootElement.GetProperty("description").GetString()!;
        Assert.StartsWith("expect ", expectation, StringComparison.Ordinal);
        string[] parts = expectation["expect ".Length..].Split(' ', 2);
        int[] at = [.. parts[0].Split(':').Select(int.Parse)];
        int colon = parts[1].IndexOf(": ", StringComparison.Ordinal);
        var diagnostics = ProfileLoader.LoadFile(path).Diagnostics;
        Assert.NotEmpty(diagnostics);
        DiagnosticAssert.Contains(diagnostics, parts[1][..colon], (at[0], at[1]), parts[1][(colon + 2)..]);
    }
}
