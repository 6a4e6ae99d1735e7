using FormationControl.Core.Time;
using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Cycler;

namespace FormationControl.Simulator.Tests.Support;

/// <summary>One unit on a virtual clock with a register master, and a loop that polls a step to its end.</summary>
internal sealed class Bench
{
    public Bench(params SimulatedCell[] cells)
        : this(SimulatedUnitOptions.Default, cells)
    {
    }

    public Bench(SimulatedUnitOptions options, params SimulatedCell[] cells)
    {
        Clock = new VirtualClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Unit = new SimulatedCyclerUnit(TestMaps.SimCyclerV1, 1, cells, Clock, options);
        Master = new RegisterMaster(Unit, 1, TestMaps.SimCyclerV1);
    }

    public VirtualClock Clock { get; }

    public SimulatedCyclerUnit Unit { get; }

    public RegisterMaster Master { get; }

    /// <summary>
    /// A 100 Ah cell with round parameters, no spread, one RC pair and resistances independent of temperature and SOC,
    /// so that register values can be checked against closed forms.
    /// </summary>
    public static SimulatedCell Cell(double soc = 0.5, double seiBudget = 0, double capacityAh = 100) =>
        new(new CellTruth(0, capacityAh, 0.45e-3, 0.68e-3, 30), OcvTable.NmcGraphite, CellOptions.ConstantResistance with { InitialStateOfCharge = soc, SeiBudgetFraction = seiBudget });

    /// <summary>A cell with the full model: two RC pairs, a leak, resistances following temperature and SOC.</summary>
    public static SimulatedCell FullCell(double soc = 0.5, double seiBudget = 0, double leakA = 0.001, CellDefect defect = CellDefect.None, double contactOhm = 0) =>
        new(new CellTruth(0, 100, 0.45e-3, 0.68e-3, 30, 0.30e-3, 400, leakA, defect, contactOhm), OcvTable.NmcGraphite, new CellOptions { InitialStateOfCharge = soc, SeiBudgetFraction = seiBudget });

    public void Advance(double seconds) => Clock.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>Polls a running step every <paramref name="pollS"/> until it is no longer running; returns the polls.</summary>
    public List<ChannelReading> RunToEnd(int channel, double pollS = 5, double maxS = 200_000)
    {
        var polls = new List<ChannelReading>();
        for (double t = 0; t < maxS; t += pollS)
        {
            Advance(pollS);
            var status = Master.Read(channel);
            polls.Add(status);
            if (status.State != ChannelDeviceState.Running)
            {
                return polls;
            }
        }

        throw new TimeoutException($"Channel {channel}: the step was still running after {maxS} s of virtual time.");
    }
}
