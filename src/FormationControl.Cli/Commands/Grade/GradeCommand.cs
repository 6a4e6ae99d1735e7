using System.CommandLine;

namespace FormationControl.Cli.Commands.Grade;

/// <summary><c>fc grade --db PATH --recipe FILE --lot LOT [--outbox DIR] [--deliver-to DIR] [--json]</c>.</summary>
public static class GradeCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The store file.", Required = true };
        var recipe = new Option<string>("--recipe") { Description = "Grading recipe JSON.", Required = true };
        var lot = new Option<string>("--lot") { Description = "The lot to grade.", Required = true };
        var outbox = new Option<string?>("--outbox") { Description = "Write the packing handoff (JSON, CSV) into this folder and record it pending." };
        var deliverTo = new Option<string?>("--deliver-to") { Description = "Deliver pending handoffs of the lot into this inbox folder (needs --outbox)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("grade", "Grade a lot with a recipe as a new grading version: counts by grade, distributions, outliers; optionally write and deliver the handoff.")
        {
            db, recipe, lot, outbox, deliverTo, json,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => new GradeRun(
            r.GetValue(db)!, r.GetValue(recipe)!, r.GetValue(lot)!, r.GetValue(outbox), r.GetValue(deliverTo), r.GetValue(json), TimeProvider.System)
            .RunAsync(r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }
}
