using System.Globalization;
using FormationControl.Cli.Export;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Export;

public sealed class BdfCsvWriterTests : IDisposable
{
    public const string Header =
        "Test Time / s,Unix Time / s,Voltage / V,Current / A,Cycle Count / 1,Step Count / 1,Step ID,Step Index / 1,Step Time / s,"
        + "Step Capacity / Ah,Step Energy / Wh,Charging Capacity / Ah,Discharging Capacity / Ah,Charging Energy / Wh,Discharging Energy / Wh,"
        + "Surface Temperature T1 / degC";

    private static readonly DateTimeOffset Start = new(2026, 2, 1, 6, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-bdf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static RunRecord Run(string cell = "CELL-1", long id = 7) =>
        new(id, cell, "L1", "sim-1", 3, "p", "1.0.0", "hash", Start, Start.AddHours(1), RunStatus.Completed, null);

    private static string Write(RunRecord run, params SampleRecord[] samples)
    {
        var text = new StringWriter();
        BdfCsvWriter.Write(run, samples, text);
        return text.ToString();
    }

    [Fact]
    public void Writes_the_standard_header_then_a_row_per_sample_with_time_from_the_run_start()
    {
        string csv = Write(
            Run(),
            new SampleRecord(7, 0, Start.AddSeconds(1.5), 1.5, 3.61234, 0, 24.96, 0, 0),
            new SampleRecord(7, 1, Start.AddSeconds(31.25), 0.75, 3.7001, 50, 25.04, 0.0104167, 0.0385),
            new SampleRecord(7, 2, Start.AddSeconds(61), 0.5, 3.65, -50.00004, 25.5, -0.00694, -0.0256));

        string[] lines = csv.Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.Equal(Header, lines[0]);
        double unix = Start.ToUnixTimeSeconds();
        Assert.Equal($"1.5,{(unix + 1.5).ToString(CultureInfo.InvariantCulture)},3.6123,0,1,1,0,1,1.5,0,0,0,0,0,0,25", lines[1]);
        Assert.Equal($"31.25,{(unix + 31.25).ToString(CultureInfo.InvariantCulture)},3.7001,50,1,2,1,1,0.75,0.01042,0.0385,0.01042,0,0.0385,0,25", lines[2]);
        // Discharge: current stays negative (BDF: positive = charge), step capacity is a magnitude.
        Assert.Equal($"61,{(unix + 61).ToString(CultureInfo.InvariantCulture)},3.65,-50,1,3,2,1,0.5,0.00694,0.0256,0.01042,0.00694,0.0385,0.0256,25.5", lines[3]);
        Assert.All(lines[1..^1], l => Assert.Equal(BdfColumns.All.Count, l.Split(',').Length));
    }

    [Fact]
    public void A_zero_that_rounds_from_a_tiny_negative_is_written_without_a_sign()
    {
        string csv = Write(Run(), new SampleRecord(7, 0, Start, 0, 3.6, -0.00001, 25, -0.000001, -0.00001));

        Assert.Equal("0", csv.Split('\n')[1].Split(',')[3]);
        Assert.DoesNotContain("-0", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_samples_is_the_header_alone()
    {
        Assert.Equal(Header + "\n", Write(Run()));
    }

    [Fact]
    public void The_file_is_named_after_cell_and_run_with_unsafe_characters_replaced()
    {
        Assert.Equal("AB-12.x_99.bdf.csv", BdfCsvWriter.FileName(Run("AB-12.x", 99)));
        Assert.Equal("a_b_c_d_1.bdf.csv", BdfCsvWriter.FileName(Run("a/b c:d", 1)));
    }

    [Fact]
    public async Task Writes_the_file_atomically_leaving_no_temporary_file_and_replacing_an_older_export()
    {
        string older = Path.Combine(_dir, "CELL-1_7.bdf.csv");
        await File.WriteAllTextAsync(older, "stale");

        string path = await BdfCsvWriter.WriteFileAsync(Run(), [new SampleRecord(7, 0, Start, 0, 3.6, 1, 25, 0, 0)], _dir, CancellationToken.None);

        Assert.Equal(older, path);
        Assert.Equal([path], Directory.GetFiles(_dir));
        byte[] bytes = await File.ReadAllBytesAsync(path);
        Assert.NotEqual(0xEF, bytes[0]); // no byte order mark
        Assert.StartsWith(Header + "\n0,", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_cannot_be_written_is_an_io_error_naming_the_file()
    {
        string blocker = Path.Combine(_dir, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");

        var failed = await Assert.ThrowsAsync<IOException>(() => BdfCsvWriter.WriteFileAsync(Run(), [], Path.Combine(blocker, "out"), CancellationToken.None));

        Assert.Contains(Path.Combine(blocker, "out", "CELL-1_7.bdf.csv"), failed.Message, StringComparison.Ordinal);
    }
}
