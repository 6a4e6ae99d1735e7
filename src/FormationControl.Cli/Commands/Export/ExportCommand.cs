using System.CommandLine;

namespace FormationControl.Cli.Commands.Export;

/// <summary><c>fc export --format bdf --db PATH (--cell BARCODE | --lot LOT | --run ID) --out DIR</c>: runs' time series as files.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = $"File format; supported: {string.Join(", ", ExportRun.Formats)}.", Required = true };
        var db = new Option<string>("--db") { Description = "The store file.", Required = true };
        var cell = new Option<string?>("--cell") { Description = "Export every run of this cell." };
        var lot = new Option<string?>("--lot") { Description = "Export every run of this lot." };
        var run = new Option<long?>("--run") { Description = "Export this run (its id in the store)." };
        var outDir = new Option<string>("--out") { Description = "Folder to write into (created if missing); one <cell>_<run>.bdf.csv per run.", Required = true };
        var command = new Command("export", "Export the time series of runs (a cell's, a lot's or one) in the Battery Data Format (.bdf.csv). Exit 0 written, 1 bad input or nothing to export, 3 cannot write.")
        {
            format, db, cell, lot, run, outDir,
        };
        command.SetAction((ParseResult r, CancellationToken ct) =>
            new ExportRun(r.GetValue(format)!, r.GetValue(db)!, r.GetValue(cell), r.GetValue(lot), r.GetValue(run), r.GetValue(outDir)!)
                .RunAsync(r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }
}
