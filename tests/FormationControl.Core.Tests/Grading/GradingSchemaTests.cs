using System.Text.Json.Nodes;
using FormationControl.Core.Grading.Reading;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Grading;

/// <summary>The JSON Schema editors use must describe the same fields the loader accepts.</summary>
public class GradingSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(ProfileJson.SamplePath("schema/grading.schema.json")))!;

    [Fact]
    public void Schema_lists_the_loaders_fields()
    {
        Assert.Equal(GradingRecipeReader.Fields, Schema["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(GradeBinReader.Fields, Schema["properties"]!["bins"]!["items"]!["properties"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Sample_points_at_the_schema()
    {
        string samplePath = ProfileJson.SamplePath("grading/nmc-100ah-capacity.json");
        var sample = JsonNode.Parse(File.ReadAllText(samplePath))!;
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(samplePath)!, (string)sample["$schema"]!)));
    }
}
