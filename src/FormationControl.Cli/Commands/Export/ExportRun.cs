using System.Globalization;
using FormationControl.Cli.Export;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Export;

/// <summary>What <c>fc export</c> does: exit 0 every file written, 1 bad options or unknown cell/lot/run/store, 3 store or folder I/O failed.</summary>
public sealed class ExportRun(string format, string db, string? cell, string? lot, long? runId, string outDir)
{
    /// <summary>The formats <c>--format</c> accepts.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["bdf"];

    public async Task<int> RunAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!Formats.Contains(format, StringComparer.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"fc export: unknown format '{format}'; supported formats: {string.Join(", ", Formats)}").ConfigureAwait(false);
            return 1;
        }

        int selectors = (cell is null ? 0 : 1) + (lot is null ? 0 : 1) + (runId is null ? 0 : 1);
        if (selectors != 1)
        {
            await error.WriteLineAsync("fc export: give exactly one of --cell BARCODE, --lot LOT or --run ID").ConfigureAwait(false);
            return 1;
        }

        if (!File.Exists(db))
        {
            await error.WriteLineAsync($"fc export: store '{db}' does not exist").ConfigureAwait(false);
            return 1;
        }

        try
        {
            await using var store = FormationStore.Open(db, TimeProvider.System);
            var runs = Select(store);
            if (runs.Count == 0)
            {
                await error.WriteLineAsync($"fc export: no {What()} in '{db}'").ConfigureAwait(false);
                return 1;
            }

            try
            {
                Directory.CreateDirectory(outDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"fc export: cannot create the folder '{outDir}': {e.Message}").ConfigureAwait(false);
                return 3;
            }

            long rows = 0;
            foreach (var run in runs)
            {
                var samples = store.GetSamples(run.Id);
                string path = await BdfCsvWriter.WriteFileAsync(run, samples, outDir, cancellationToken).ConfigureAwait(false);
                rows += samples.Count;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"run {run.Id} cell {run.CellId}: {samples.Count} rows -> {path}")).ConfigureAwait(false);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"exported {runs.Count} run(s), {rows} rows, into {outDir}")).ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is StorageException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"fc export: cannot write into '{outDir}' or read '{db}': {e.Message}").ConfigureAwait(false);
            return 3;
        }
    }

    private IReadOnlyList<RunRecord> Select(FormationStore store) =>
        cell is not null ? store.GetRunsOfCell(cell)
        : lot is not null ? store.GetRunsOfLot(lot)
        : store.FindRun(runId!.Value) is { } run ? [run] : [];

    private string What() =>
        cell is not null ? $"cell '{cell}'" : lot is not null ? $"lot '{lot}'" : string.Create(CultureInfo.InvariantCulture, $"run {runId}");
}
