using FormationControl.Cli.Commands.Profile;
using FormationControl.Core.Profiles;

namespace FormationControl.Cli.DryRun;

/// <summary>The dry run as a table an engineer reads before releasing a profile.</summary>
public static class DryRunText
{
    public static void Write(Profile profile, string chemistry, DryRunResult run, TextWriter o)
    {
        o.WriteLine($"{profile.Name} {profile.Version} on a simulated {chemistry.ToUpperInvariant()} cell of {ProfileText.Number(profile.Cell.NominalCapacityAh)} Ah (true capacity {run.TrueCapacityAh:0.00} Ah)");
        o.WriteLine();
        o.WriteLine($"{"#",3}  {"label",-14} {"type",-14} {"duration",10} {"Ah",10} {"Wh",10} {"end V",8}  end reason");
        foreach (var s in run.Steps)
        {
            string dcir = s.DcirOhm is { } r ? $"  (DCIR {r * 1000:0.000} mΩ)" : "";
            o.WriteLine($"{s.StepIndex,3}  {s.Label ?? "",-14} {s.StepType,-14} {ProfileText.Duration(s.DurationS),10} {s.Ah,10:0.000} {s.Wh,10:0.00} {s.EndVoltageV,8:0.0000}  {s.EndReason}{dcir}");
        }

        o.WriteLine();
        o.WriteLine($"total {run.Total.TotalHours:0.00} h: {run.Status}{(run.Note is null ? "" : $" ({run.Note})")}");
    }
}
