using System.Text.Json.Nodes;
using FormationControl.Core.Profiles;
using FormationControl.Core.Profiles.Reading;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles;

/// <summary>The JSON Schema editors use must describe the same fields the loader accepts.</summary>
public class ProfileSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(ProfileJson.SamplePath("schema/profile.schema.json")))!;

    private static string[] PropertiesOf(JsonNode node) => [.. node["properties"]!.AsObject().Select(p => p.Key)];

    [Fact]
    public void Schema_sections_list_the_loaders_fields()
    {
        Assert.Equal(ProfileReader.Fields, PropertiesOf(Schema));
        Assert.Equal(CellSpecReader.Fields, PropertiesOf(Schema["properties"]!["cell"]!));
        Assert.Equal(SafetyLimitsReader.Fields, PropertiesOf(Schema["properties"]!["safety"]!));
        Assert.Equal(LoggingCriteriaReader.Fields, PropertiesOf(Schema["$defs"]!["logging"]!));
        Assert.Equal(StepReader.Fields, PropertiesOf(Schema["$defs"]!["step"]!));
        Assert.Equal(StepLimitReader.Fields, PropertiesOf(Schema["$defs"]!["limit"]!));
    }

    [Fact]
    public void Schema_enums_list_the_loaders_names()
    {
        Assert.Equal(ProfileJsonNames.StepTypes, Schema["$defs"]!["step"]!["properties"]!["type"]!["enum"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["next", "end", "fault"], Schema["$defs"]!["limit"]!["properties"]!["then"]!["enum"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void Sample_points_at_the_schema()
    {
        var sample = JsonNode.Parse(File.ReadAllText(ProfileJson.SamplePath("nmc-100ah-formation.json")))!;
        string schemaPath = Path.Combine(ProfileJson.SamplePath(string.Empty), (string)sample["$schema"]!);
        Assert.True(File.Exists(schemaPath), schemaPath);
    }
}
