using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Reading;

/// <summary>A cell given by reference to a cell file, relative to the profile's folder.</summary>
public sealed class CellFileReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fc-cells-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteProfile(string cellReference)
    {
        string json = ProfileJson.With(cell: $"  \"cell\": \"{cellReference}\"");
        string path = Path.Combine(_folder, "profile.json");
        File.WriteAllText(path, json);
        return path;
    }

    private void WriteCell(string relative, string text)
    {
        string path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string InlineCellObject() => ProfileJson.Cell.Trim()["\"cell\": ".Length..];

    [Fact]
    public void A_referenced_cell_resolves_to_the_same_profile_and_hash_as_inline()
    {
        WriteCell("cells/nmc.json", InlineCellObject());
        var referenced = ProfileLoader.LoadFile(WriteProfile("cells/nmc.json"));
        Assert.True(referenced.Succeeded, string.Join("\n", referenced.Diagnostics));
        var inline = ProfileLoader.Parse(ProfileJson.With(), "inline.json");
        Assert.Equal(inline.Profile!.Cell, referenced.Profile.Cell);
        Assert.Equal(inline.Profile.Hash, referenced.Profile.Hash);
    }

    [Fact]
    public void The_shipped_cell_file_equals_the_nmc_samples_inline_cell()
    {
        var inline = ProfileLoader.LoadFile(ProfileJson.SamplePath("nmc-100ah-formation.json")).Profile!;
        var referenced = ProfileLoader.LoadFile(ProfileJson.SamplePath("nmc-100ah-capacity-test.json")).Profile!;
        Assert.Equal(inline.Cell, referenced.Cell);
    }

    [Fact]
    public void A_missing_cell_file_is_reported_at_the_reference_with_a_suggestion()
    {
        WriteCell("cells/nmc-100ah.json", InlineCellObject());
        string path = WriteProfile("cells/nmc-100Ah.json");
        var d = Assert.Single(ProfileLoader.LoadFile(path).Diagnostics);
        Assert.Equal((path, "$.cell"), (d.Source, d.JsonPath));
        Assert.Contains("cell file 'cells/nmc-100Ah.json' not found", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("did you mean 'nmc-100ah.json'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_in_the_cell_file_are_reported_in_that_file_and_at_the_reference()
    {
        string cell = InlineCellObject().Replace("\"maxVoltage\": \"4.2 V\"", "\"maxVoltage\": \"4.2 A\"", StringComparison.Ordinal);
        WriteCell("cells/bad.json", cell);
        string path = WriteProfile("cells/bad.json");
        var diagnostics = ProfileLoader.LoadFile(path).Diagnostics;
        Assert.Equal(2, diagnostics.Count);
        Assert.Equal((path, "$.cell"), (diagnostics[0].Source, diagnostics[0].JsonPath));
        Assert.Contains("cell file 'cells/bad.json' has 1 problem(s)", diagnostics[0].Message, StringComparison.Ordinal);
        var inFile = diagnostics[1];
        Assert.Equal((Path.Combine(_folder, "cells/bad.json"), "$.maxVoltage"), (inFile.Source, inFile.JsonPath));
        Assert.Equal(TextPosition.Of(cell, "\"4.2 A\""), (inFile.Line, inFile.Column));
    }

    [Fact]
    public void A_cell_file_with_a_syntax_error_is_reported_with_its_position()
    {
        WriteCell("cells/broken.json", "{\n  \"chemistry\": \"NMC\",\n}");
        var diagnostics = ProfileLoader.LoadFile(WriteProfile("cells/broken.json")).Diagnostics;
        Assert.Contains(diagnostics, d => d.Source.EndsWith("broken.json", StringComparison.Ordinal) && d.Line == 3 && d.Message.StartsWith("invalid JSON", StringComparison.Ordinal));
    }
}
