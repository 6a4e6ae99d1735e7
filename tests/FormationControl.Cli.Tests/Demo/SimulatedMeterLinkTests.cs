using FormationControl.Cli.Demo;
using FormationControl.Core.Time;
using FormationControl.Devices.Meter;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Meter;
using FormationControl.Simulator.Population;

namespace FormationControl.Cli.Tests.Demo;

public sealed class SimulatedMeterLinkTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static (OcvIrMeter Meter, SimulatedCyclerUnit Unit) Meter()
    {
        var population = new CellPopulation(3, 100, 5, PopulationOptions.Default with { Cell = CellOptions.Default with { InitialStateOfCharge = 0.55 } });
        var unit = new SimulatedCyclerUnit(DemoInputs.LoadMap(null), 1, population.Cells, new VirtualClock(Start));
        var link = new SimulatedMeterLink(new SimulatedMeter([unit]));
        return (new OcvIrMeter(link, new OcvIrMeterOptions { SettleTime = TimeSpan.Zero }), unit);
    }

    [Fact]
    public async Task The_real_driver_reads_each_cells_ocv_and_r0_through_the_link()
    {
        var (meter, unit) = Meter();

        Assert.StartsWith("FormationControl,SIM-OCVIR-1", await meter.IdentifyAsync(), StringComparison.Ordinal);
        for (int channel = 0; channel < 3; channel++)
        {
            var reading = await meter.MeasureAsync(channel + 1);
            var truth = unit.ReadChannelState(channel);
            Assert.InRange(reading.VoltageV - truth.OpenCircuitVoltageV, -2e-4, 2e-4); // 20 µV noise, 10 σ
            Assert.InRange(reading.AcResistanceOhm / truth.R0Ohm, 0.97, 1.03);        // 0.2 % noise, 10 σ
        }
    }

    [Fact]
    public async Task A_channel_the_meter_refuses_comes_back_as_its_scpi_error()
    {
        var (meter, _) = Meter();

        var error = await Assert.ThrowsAsync<MeterException>(() => meter.MeasureAsync(4));

        Assert.Equal(-222, error.ErrorCode);
        Assert.Contains("simulated-meter", error.Message, StringComparison.Ordinal);
    }
}
