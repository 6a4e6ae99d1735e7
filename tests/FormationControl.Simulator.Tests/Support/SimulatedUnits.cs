using FormationControl.Core.Time;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Population;

namespace FormationControl.Simulator.Tests.Support;

/// <summary>A few simulated units on one virtual clock, for transport, fault and meter tests.</summary>
internal sealed class SimulatedUnits
{
    public SimulatedUnits(int units = 2, int channels = 4, int seed = 1, PopulationOptions? population = null)
    {
        Clock = new VirtualClock(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var cells = new CellPopulation(units * channels, 100, seed, population ?? new PopulationOptions { Cell = new() { InitialStateOfCharge = 0.5 } });
        Units = [.. Enumerable.Range(0, units).Select(u => new SimulatedCyclerUnit(TestMaps.SimCyclerV1, (byte)(u + 1), cells.Slice(u * channels, channels), Clock))];
        Rack = new FormationControl.Simulator.Rack.SimulatedRack(Units);
    }

    public VirtualClock Clock { get; }

    public IReadOnlyList<SimulatedCyclerUnit> Units { get; }

    public FormationControl.Simulator.Rack.SimulatedRack Rack { get; }
}
