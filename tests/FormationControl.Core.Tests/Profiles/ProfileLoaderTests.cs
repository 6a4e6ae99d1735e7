using System.Text;
using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles;

public class ProfileLoaderTests
{
    private static readonly string SamplePath = ProfileJson.SamplePath("nmc-100ah-formation.json");

    private static Profile LoadSample()
    {
        var result = ProfileLoader.LoadFile(SamplePath);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return result.Profile;
    }

    [Fact]
    public void Sample_loads_with_cell_safety_and_logging_resolved()
    {
        var profile = LoadSample();
        Assert.Equal(("nmc-100ah-formation", "1.0.0"), (profile.Name, profile.Version));
        Assert.Equal(new CellSpec("NMC", 100, 3.65, 2.5, 4.2, 100, 100, 60), profile.Cell);
        Assert.Equal(new SafetyLimits(2.4, 4.25, 60, 55, TimeSpan.FromHours(24), TimeSpan.FromHours(72)), profile.Safety);
        Assert.Equal(new LoggingCriteria(TimeSpan.FromSeconds(30), 0.005, null), profile.Logging);
    }

    [Fact]
    public void Sample_steps_are_resolved_to_amps_volts_and_seconds()
    {
        var steps = LoadSample().Steps;
        Assert.Equal(
            [
                (0, "precharge", StepType.ChargeCc, 2.0, (double?)null),
                (1, "charge-1", StepType.ChargeCccv, 10.0, 4.2),
                (2, "rest-1", StepType.Rest, (double?)null, (double?)null),
                (3, "discharge-1", StepType.DischargeCc, 20.0, (double?)null),
                (4, "rest-2", StepType.Rest, (double?)null, (double?)null),
                (5, "charge-2", StepType.ChargeCccv, 20.0, 4.2),
                (6, "rest-3", StepType.Rest, (double?)null, (double?)null),
                (7, "capacity", StepType.DischargeCc, 20.0, (double?)null),
                (8, "rest-4", StepType.Rest, (double?)null, (double?)null),
            ],
            steps.Select(s => (s.Index, s.Label, s.Type, s.CurrentA, s.VoltageV)));

        Assert.Equal([new StepLimit(LimitKind.VoltageAtLeast, 3.6, LimitAction.Next, null), new StepLimit(LimitKind.Duration, 16 * 3600, LimitAction.Fault, null)], steps[0].Limits);
        Assert.Equal([new StepLimit(LimitKind.CurrentAtMost, 2, LimitAction.Next, null), new StepLimit(LimitKind.Duration, 16 * 3600, LimitAction.Fault, null)], steps[1].Limits);
        Assert.Equal([new StepLimit(LimitKind.Duration, 1800, LimitAction.Next, null), new StepLimit(LimitKind.Duration, 3600, LimitAction.Fault, null)], steps[2].Limits);
        Assert.Equal([new StepLimit(LimitKind.VoltageAtMost, 3.0, LimitAction.Next, null), new StepLimit(LimitKind.Duration, 7 * 3600, LimitAction.Fault, null)], steps[3].Limits);
        Assert.Equal(new StepLimit(LimitKind.CurrentAtMost, 5, LimitAction.Next, null), steps[5].Limits[0]);
        Assert.Equal(new StepLimit(LimitKind.Duration, 600, LimitAction.Next, null), steps[8].Limits[0]);
        Assert.All(steps, s => Assert.Null(s.Logging));
    }

    [Fact]
    public void Every_sample_step_has_a_time_guard_that_faults()
    {
        Assert.All(LoadSample().Steps, s => Assert.Contains(s.Limits, l => l.Kind == LimitKind.Duration && l.Action == LimitAction.Fault));
    }

    [Fact]
    public void Steps_remember_where_they_start()
    {
        var profile = LoadSample();
        string text = File.ReadAllText(SamplePath);
        var at = TextPosition.Of(text, "{\n      \"label\": \"capacity\"");
        Assert.Equal(at, (profile.Steps[7].Location!.Value.Line, profile.Steps[7].Location!.Value.Column));
        Assert.Equal("#7 'capacity'", profile.Steps[7].DisplayName);
    }

    [Fact]
    public void Steps_can_be_found_by_label()
    {
        var profile = LoadSample();
        Assert.True(profile.TryGetStepIndex("discharge-1", out int index));
        Assert.Equal(3, index);
        Assert.True(profile.TryGetStep("capacity", out var step));
        Assert.Equal(7, step.Index);
        Assert.False(profile.TryGetStepIndex("Capacity", out _));
        Assert.False(profile.TryGetStep("nope", out _));
    }

    [Fact]
    public void Hash_is_lowercase_hex_sha256_of_the_canonical_text()
    {
        var profile = LoadSample();
        Assert.Matches("^[0-9a-f]{64}$", profile.Hash);
        Assert.Equal(ProfileHash.Compute(profile), profile.Hash);
    }

    [Fact]
    public void Parse_and_LoadFile_agree()
    {
        var fromText = ProfileLoader.Parse(File.ReadAllText(SamplePath), "inline").Profile!;
        Assert.Equal(LoadSample().Hash, fromText.Hash);
    }

    [Fact]
    public void Missing_file_is_a_diagnostic_naming_the_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fc-missing-{Guid.NewGuid():N}.json");
        var result = ProfileLoader.LoadFile(path);
        Assert.False(result.Succeeded);
        Assert.Null(result.Profile);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal((path, 1, 1, "$"), (d.Source, d.Line, d.Column, d.JsonPath));
        Assert.StartsWith("cannot read the file", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fc-bad-utf8-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("{\n  \"name\": \""), 0xFF, .. Encoding.UTF8.GetBytes("\"\n}")]);
            var d = Assert.Single(ProfileLoader.LoadFile(path).Diagnostics);
            Assert.Equal((2, "the file is not valid UTF-8 text"), (d.Line, d.Message));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_utf8_bom_is_accepted()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fc-bom-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllBytes(path, [.. Encoding.UTF8.Preamble, .. File.ReadAllBytes(SamplePath)]);
            var result = ProfileLoader.LoadFile(path);
            Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
            Assert.Equal(LoadSample().Hash, result.Profile.Hash);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Diagnostic_text_is_source_line_column_path_message()
    {
        var result = ProfileLoader.Parse("[]", "p.json");
        Assert.Equal("p.json:1:1: $: a profile must be an object, not an array", Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Diagnostics_come_in_file_order()
    {
        // "name" is checked first but written last here; the cell's problem is found later but written earlier.
        string json = ProfileJson.With(steps: """
                { "type": "rest", "limits": [ { "time": "10 V" } ] }
            """)
            .Replace("  \"name\": \"test\",\n", string.Empty, StringComparison.Ordinal)
            .Replace("\"4.2 V\"", "\"4.2 A\"", StringComparison.Ordinal)
            .Replace("\n  ]\n}", "\n  ],\n  \"name\": 1\n}", StringComparison.Ordinal);
        var diagnostics = ProfileLoader.Parse(json, "p.json").Diagnostics;
        Assert.Equal(["$.cell.maxVoltage", "$.steps[0].limits[0].time", "$.name"], diagnostics.Select(d => d.JsonPath));
        Assert.Equal(diagnostics.Select(d => d.Line).Order(), diagnostics.Select(d => d.Line));
    }
}
