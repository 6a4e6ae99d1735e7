using System.CommandLine;

namespace FormationControl.Cli.Commands.Cell;

/// <summary><c>fc cell BARCODE --db PATH [--json]</c>: the cell's genealogy.</summary>
public static class CellCommand
{
    public static Command Create()
    {
        var barcode = new Argument<string>("barcode") { Description = "The cell's barcode." };
        var db = new Option<string>("--db") { Description = "The store file.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var command = new Command("cell", "Genealogy of a cell: lot, unit/channel, runs with profile hash and step results, ageing measurements, grades, handoffs.")
        {
            barcode, db, json,
        };
        command.SetAction((ParseResult r, CancellationToken ct) =>
            CellRun.RunAsync(r.GetValue(db)!, r.GetValue(barcode)!, r.GetValue(json), r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }
}
