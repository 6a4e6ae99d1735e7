using FormationControl.Cli.Demo;
using FormationControl.Core.Profiles;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Population;
using FormationControl.Storage;

namespace FormationControl.Cli.DryRun;

/// <summary>
/// Runs a profile on one simulated cell before it touches a real one: the same controller, driver and Modbus
/// path as production, against the simulator's cell model, in virtual time.
/// </summary>
public static class ProfileDryRun
{
    /// <param name="chemistry">nmc or lfp: the cell model's OCV curve; capacity is the profile's nominal.</param>
    /// <param name="poll">Virtual time between polls: device cut-offs are exact whatever it is; it delays the start of the next step by up to one poll.</param>
    public static async Task<DryRunResult> RunAsync(Profile profile, RegisterMap map, string chemistry, TimeSpan poll, CancellationToken cancellationToken)
    {
        var ocv = chemistry.ToUpperInvariant() switch
        {
            "LFP" => OcvTable.LfpGraphite,
            "NMC" => OcvTable.NmcGraphite,
            _ => throw new ArgumentException($"no cell model for chemistry '{chemistry}' (nmc or lfp)", nameof(chemistry)),
        };
        var dir = Directory.CreateTempSubdirectory("fc-dry-run-");
        try
        {
            string db = Path.Combine(dir.FullName, "dry-run.db");
            var options = new DemoOptions(profile, null, map, db)
            {
                Cells = 1,
                PollInterval = poll,
                AgeingDuration = TimeSpan.Zero, // the profile alone, no ageing after it
                Population = PopulationOptions.Default with { Ocv = ocv, CapacitySigma = 0, ResistanceSigma = 0 },
            };
            var result = await DemoRunner.RunAsync(options, null, cancellationToken).ConfigureAwait(false);
            await using var store = FormationStore.Open(db, TimeProvider.System);
            var run = store.GetRuns().Single();
            var steps = store.GetStepResults(run.Id).OrderBy(s => s.StartedAt).ToList();
            return new DryRunResult(
                run.Status.ToString(), run.EndNote, TimeSpan.FromHours(result.SimulatedHours), steps, store.GetSamples(run.Id),
                result.CellResults[0].TrueCapacityAh);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
