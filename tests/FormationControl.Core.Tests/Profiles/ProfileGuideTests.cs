using System.Text.Json;
using System.Text.RegularExpressions;
using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles;

/// <summary>The examples in docs/profiles.md load as written, so the guide cannot drift from the loader.</summary>
public partial class ProfileGuideTests
{
    private static readonly string Guide = File.ReadAllText(FindGuide());

    private static string FindGuide()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "docs", "profiles.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("docs/profiles.md not found above " + AppContext.BaseDirectory);
    }

    // One-line step objects of the guide's code blocks.
    public static TheoryData<string> StepExamples => [.. StepLines()];

    // The first cell of each row of the step-string table.
    public static TheoryData<string> StringExamples => [.. StringRow().Matches(Guide).Select(m => m.Groups["text"].Value)];

    private static IEnumerable<string> StepLines() => Guide.Split('\n').Select(l => l.Trim()).Where(IsStepObject);

    private static bool IsStepObject(string line)
    {
        if (!line.StartsWith('{') || !(line.Contains("\"type\"", StringComparison.Ordinal) || line.Contains("\"step\"", StringComparison.Ordinal)))
        {
            return false;
        }

        try
        {
            return JsonDocument.Parse(line).RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void AssertLoads(string step)
    {
        // The guide's 1C pulses need a channel allowed more than 1C of a 100 Ah cell.
        string safety = ProfileJson.Safety.Replace("\"60 A\"", "\"110 A\"", StringComparison.Ordinal);
        var result = ProfileLoader.Parse(ProfileJson.With(steps: "    " + step, safety: safety), "guide.json");
        Assert.True(result.Succeeded, step + "\n" + string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void The_guide_has_an_example_of_every_step_type_condition_and_action()
    {
        string examples = string.Join("\n", StepLines());
        foreach (string type in ProfileJsonNames.StepTypes.Where(t => t != "loop"))
        {
            Assert.Contains($"\"type\": \"{type}\"", examples, StringComparison.Ordinal);
        }

        Assert.Contains("\"type\": \"loop\"", Guide, StringComparison.Ordinal);
        foreach (string condition in new[] { "voltage", "current", "time", "capacity", "energy", "dvdt", "temperature" })
        {
            Assert.Contains($"{{ \"{condition}\": ", Guide, StringComparison.Ordinal);
        }

        foreach (string action in new[] { "\"then\": \"next\"", "\"then\": \"end\"", "\"then\": \"fault\"", "\"goto\": " })
        {
            Assert.Contains(action, Guide, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(StepExamples))]
    public void Step_example_loads(string step) => AssertLoads(step);

    [Theory]
    [MemberData(nameof(StringExamples))]
    public void Step_string_example_loads(string text) => AssertLoads(JsonSerializer.Serialize(text));

    [GeneratedRegex("^\\| `\"(?<text>[^\"`]+)\"` \\|", RegexOptions.Multiline)]
    private static partial Regex StringRow();
}
