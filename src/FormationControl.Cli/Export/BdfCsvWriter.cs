using System.Globalization;
using System.Text;
using FormationControl.Controller.Handoff;
using FormationControl.Storage;

namespace FormationControl.Cli.Export;

/// <summary>
/// Writes one run's samples as a Battery Data Format CSV (<c>.bdf.csv</c>): a header row of the standard's labels
/// (<see cref="BdfColumns"/>), then a row per sample; comma separated, invariant culture, LF line ends, UTF-8
/// without BOM. Test time counts from the run's start. Current keeps its sign: positive into the cell, as in BDF.
/// </summary>
public static class BdfCsvWriter
{
    /// <summary>The file extension the standard gives a CSV serialisation.</summary>
    public const string Extension = ".bdf.csv";

    private static readonly string[] Formats = ["0", "0.#", "0.##", "0.###", "0.####", "0.#####"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The file name of a run's export: <c>&lt;cell&gt;_&lt;runId&gt;.bdf.csv</c>, characters unsafe in a file name replaced by '_'.</summary>
    public static string FileName(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var name = new StringBuilder(run.CellId.Length + 24);
        foreach (char c in run.CellId)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_');
        }

        return name.Append(CultureInfo.InvariantCulture, $"_{run.Id}{Extension}").ToString();
    }

    /// <summary>Writes the run's file into <paramref name="folder"/> atomically (temporary file, then rename) and returns its path.</summary>
    /// <exception cref="IOException">The folder or file cannot be written; the message names it.</exception>
    public static async Task<string> WriteFileAsync(RunRecord run, IReadOnlyList<SampleRecord> samples, string folder, CancellationToken cancellationToken)
    {
        string path = Path.Combine(folder, FileName(run));
        using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, Utf8, 1 << 16, leaveOpen: true))
        {
            Write(run, samples, writer);
        }

        await AtomicFile.WriteAsync(path, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>Writes the header and a row per sample (samples in time order, as the store returns them).</summary>
    public static void Write(RunRecord run, IReadOnlyList<SampleRecord> samples, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', BdfColumns.All));
        writer.Write('\n');
        // Test time starts at the run's start; should a sample predate it (it never should), at that sample, so time stays >= 0.
        var start = samples.Count > 0 && samples[0].Time < run.StartedAt ? samples[0].Time : run.StartedAt;
        var counters = new BdfCounters();
        Span<char> field = stackalloc char[48];
        for (int i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            counters.Advance(s);
            Number(writer, field, (s.Time - start).TotalSeconds, 3);
            Number(writer, field, s.Time.ToUnixTimeMilliseconds() / 1000.0, 3);
            Number(writer, field, s.VoltageV, 4);
            Number(writer, field, s.CurrentA, 4);
            Integer(writer, field, counters.CycleCount);
            Integer(writer, field, counters.StepCount);
            Integer(writer, field, s.StepIndex);
            Integer(writer, field, counters.StepIndex);
            Number(writer, field, s.StepTimeS, 3);
            Number(writer, field, Math.Abs(s.StepAh), 5);
            Number(writer, field, Math.Abs(s.StepWh), 4);
            Number(writer, field, counters.ChargingAh, 5);
            Number(writer, field, counters.DischargingAh, 5);
            Number(writer, field, counters.ChargingWh, 4);
            Number(writer, field, counters.DischargingWh, 4);
            Number(writer, field, s.TemperatureC, 1, last: true);
        }
    }

    // Decimals match the store's resolution (SampleResolution): more would only print quantisation noise.
    private static void Number(TextWriter writer, Span<char> field, double value, int decimals, bool last = false)
    {
        value = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        value = value == 0 ? 0 : value; // no "-0": it would read as a sign flip of a zero current
        string format = Formats[decimals];
        if (!value.TryFormat(field, out int written, format, CultureInfo.InvariantCulture))
        {
            writer.Write(value.ToString(format, CultureInfo.InvariantCulture));
        }
        else
        {
            writer.Write(field[..written]);
        }

        writer.Write(last ? '\n' : ',');
    }

    private static void Integer(TextWriter writer, Span<char> field, int value)
    {
        value.TryFormat(field, out int written, default, CultureInfo.InvariantCulture);
        writer.Write(field[..written]);
        writer.Write(',');
    }
}
