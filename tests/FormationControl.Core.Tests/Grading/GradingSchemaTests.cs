using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using FormationControl.Core.Grading;
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
        var inputs = Schema["properties"]!["inputs"]!["properties"]!;
        Assert.Equal(InputSourcesReader.Fields, inputs.AsObject().Select(p => p.Key));
        Assert.Equal(InputSourcesReader.CapacityFields, Keys(inputs["capacity"]!));
        Assert.Equal(InputSourcesReader.EfficiencyFields, Keys(inputs["coulombicEfficiency"]!));
        Assert.Equal(InputSourcesReader.DcirFields, Keys(inputs["dcir"]!));
        Assert.Equal(InputSourcesReader.AcirFields, Keys(inputs["acir"]!));
        Assert.Equal(InputSourcesReader.KValueFields, Keys(inputs["kValue"]!));
        Assert.Equal(InputSourcesReader.OcvFields, Keys(inputs["ocv"]!));
        Assert.Equal(GradeClassReader.ClassFields, Keys(Schema["properties"]!["grades"]!["items"]!));
        Assert.Equal(GradeClassReader.ScreenFields, Keys(Schema["properties"]!["screens"]!["items"]!));
        Assert.Equal(GradeRuleReader.Fields, Keys(Schema["$defs"]!["rule"]!));
        Assert.Equal(GradeInputNames.All.Select(GradeInputNames.Of), Schema["$defs"]!["rule"]!["properties"]!["input"]!["enum"]!.AsArray().Select(n => (string)n!));
    }

    [Theory]
    [InlineData("grading/nmc-100ah-capacity.json")]
    [InlineData("grading/nmc-100ah-ageing.json")]
    [InlineData("grading/nmc-100ah-lot.json")]
    public void Samples_pass_the_schema_and_the_loader(string relative)
    {
        string path = ProfileJson.SamplePath(relative);
        Assert.Empty(SchemaValidator.Errors(path));
        var loaded = GradingRecipeLoader.LoadFile(path);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
    }

    [Fact]
    public void Schema_refuses_bins_and_grades_together_as_the_loader_does()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fc-grading-{Guid.NewGuid():N}.json");
        var sample = JsonNode.Parse(File.ReadAllText(ProfileJson.SamplePath("grading/nmc-100ah-capacity.json")))!;
        sample["$schema"] = Path.GetFullPath(ProfileJson.SamplePath("schema/grading.schema.json"));
        sample["grades"] = JsonNode.Parse("""[{ "grade": "A", "rules": [{ "input": "capacity", "min": "1 Ah" }] }]""");
        File.WriteAllText(path, sample.ToJsonString());
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var schema = JsonSchema.FromText(File.ReadAllText(ProfileJson.SamplePath("schema/grading.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
            Assert.False(schema.Evaluate(document.RootElement).IsValid);
            Assert.Contains(GradingRecipeLoader.LoadFile(path).Diagnostics, d => d.Message.Contains("not both", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<string> Keys(JsonNode objectSchema) => objectSchema["properties"]!.AsObject().Select(p => p.Key);

    [Fact]
    public void Sample_points_at_the_schema()
    {
        string samplePath = ProfileJson.SamplePath("grading/nmc-100ah-capacity.json");
        var sample = JsonNode.Parse(File.ReadAllText(samplePath))!;
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(samplePath)!, (string)sample["$schema"]!)));
    }
}
