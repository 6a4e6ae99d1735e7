using FormationControl.Cli.Demo;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Clocks;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;

namespace FormationControl.Cli.Commands.Sim;

/// <summary>The simulated plant <c>fc sim</c> serves: the clock, the cells and the units, built from its settings.</summary>
internal sealed class SimBuild
{
    public SimBuild(SimSettings settings)
    {
        Settings = settings;
        Map = DemoInputs.LoadMap(settings.MapFile);
        Clock = new ScaledTimeProvider(settings.Speed);
        bool formed = settings.InitialSoc > 0;
        var population = new PopulationOptions
        {
            Ocv = settings.Chemistry.Ocv,
            Defects = settings.Defects,
            Cell = new CellOptions
            {
                InitialStateOfCharge = settings.InitialSoc,
                AmbientTemperatureC = settings.AmbientC,

                // Cells that already hold charge have been formed: no first-charge loss left.
                SeiBudgetFraction = formed ? 0 : CellOptions.Default.SeiBudgetFraction,
            },
        };
        Population = new CellPopulation(settings.Units * settings.Channels, settings.CapacityAh, settings.Seed, population);
        double scale = population.ReferenceCapacityAh / settings.CapacityAh;
        var options = new SimulatedUnitOptions
        {
            OverVoltageLimitV = settings.Chemistry.OverVoltageV,
            UnderVoltageLimitV = settings.Chemistry.UnderVoltageV,

            // A grading channel: 3C full scale, protection just above it.
            OverCurrentLimitA = 3.2 * settings.CapacityAh,
            ContactCheckLimitOhm = 2 * population.R0AtReferenceOhm * scale,
            AmbientTemperatureC = settings.AmbientC,
            Measurement = settings.Noise
                ? MeasurementOptions.Realistic with { Seed = settings.Seed, CurrentFullScaleA = 3 * settings.CapacityAh }
                : MeasurementOptions.Exact,
        };
        Units = [.. Enumerable.Range(0, settings.Units).Select(u =>
            new SimulatedCyclerUnit(Map, (byte)(u + 1), Population.Slice(u * settings.Channels, settings.Channels), Clock, options))];
    }

    public SimSettings Settings { get; }

    public RegisterMap Map { get; }

    public ScaledTimeProvider Clock { get; }

    public CellPopulation Population { get; }

    public IReadOnlyList<SimulatedCyclerUnit> Units { get; }

    public GroundTruthHeader TruthHeader =>
        new(Settings.Seed, Settings.Chemistry.Ocv.Name, Settings.CapacityAh, Population.Options.Cell.ReferenceTemperatureC, Settings.Defects);
}
