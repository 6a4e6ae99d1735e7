using System.CommandLine;

namespace FormationControl.Cli.Commands.Match;

/// <summary><c>fc match --db PATH --lot LOT --series S --parallel P [--grade G] [--json]</c>.</summary>
public static class MatchCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The store file.", Required = true };
        var lot = new Option<string>("--lot") { Description = "The lot (its latest grading is used).", Required = true };
        var series = new Option<int>("--series") { Description = "Cells in series per module.", Required = true };
        var parallel = new Option<int>("--parallel") { Description = "Cells in parallel per module.", Required = true };
        var grade = new Option<string?>("--grade") { Description = "Only this grade (default: each grade but the reject grade, separately)." };
        var json = new Option<bool>("--json") { Description = "Print the modules as JSON." };
        var command = new Command("match", "Group graded cells of one grade into modules with the smallest capacity and resistance spread.")
        {
            db, lot, series, parallel, grade, json,
        };
        command.SetAction((ParseResult r, CancellationToken ct) => MatchRun.RunAsync(
            r.GetValue(db)!, r.GetValue(lot)!, r.GetValue(series), r.GetValue(parallel), r.GetValue(grade), r.GetValue(json),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }
}
