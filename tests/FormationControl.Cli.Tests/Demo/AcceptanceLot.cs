using FormationControl.Cli.Demo;
using FormationControl.Simulator.Population;

namespace FormationControl.Cli.Tests.Demo;

/// <summary>
/// One demo run shared by the tests that score it: 256 cells through the short formation, the storage charge,
/// 1 + 7 days of ageing, lot grading and the handoff, with defects far more frequent than in production (10 %
/// micro-shorts) so that recall is measured on enough of them.
/// </summary>
public sealed class AcceptanceLot : IAsyncLifetime
{
    public const int Cells = 256;

    public string Dir { get; } = Directory.CreateTempSubdirectory("fc-demo-acceptance-").FullName;

    public DemoOptions Options { get; private set; } = null!;

    public DemoResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var (recipe, _) = DemoInputs.LoadRecipe(null);
        var (storage, _) = DemoInputs.LoadStorageProfile(null);
        Options = new DemoOptions(ShortFormation.Load(), recipe, DemoInputs.LoadMap(null), Path.Combine(Dir, "lot.db"))
        {
            Cells = Cells,
            Seed = 20260312,
            PollInterval = TimeSpan.FromSeconds(60),
            WatchdogPeriod = TimeSpan.FromMinutes(5),
            Population = PopulationOptions.Default with
            {
                Defects = new DefectRates { MicroShort = 0.10, HighResistance = 0.04, Dead = 0.01, PoorContact = 0.02 },
            },
            StorageProfile = storage,
        };
        Result = await DemoRunner.RunAsync(Options, null, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Dir, recursive: true);
        return Task.CompletedTask;
    }
}
