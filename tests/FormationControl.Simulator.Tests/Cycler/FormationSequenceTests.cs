using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Population;
using FormationControl.Simulator.Tests.Support;
using Xunit.Abstractions;

namespace FormationControl.Simulator.Tests.Cycler;

/// <summary>A whole formation and grading recipe run on one fresh cell through the registers.</summary>
public sealed class FormationSequenceTests(ITestOutputHelper output)
{
    private const double Nominal = 100;

    [Fact]
    public void Formation_recovers_the_true_capacity_and_a_first_cycle_loss()
    {
        var cell = new CellPopulation(1, Nominal, seed: 7).Cells[0];
        var bench = new Bench(cell);
        var m = bench.Master;

        var precharge = Run(bench, ChannelMode.ChargeCc, DeviceEndReason.Voltage, () => m.StartStep(0, ChannelMode.ChargeCc, Nominal / 50, cutoffVoltageV: 3.6));
        var charge1 = Run(bench, ChannelMode.ChargeCccv, DeviceEndReason.Current, () => m.StartStep(0, ChannelMode.ChargeCccv, Nominal / 10, voltageV: 4.2, cutoffCurrentA: Nominal / 50));
        Run(bench, ChannelMode.Rest, DeviceEndReason.Time, () => m.StartStep(0, ChannelMode.Rest, cutoffTimeS: 1800));
        var discharge1 = Run(bench, ChannelMode.DischargeCc, DeviceEndReason.Voltage, () => m.StartStep(0, ChannelMode.DischargeCc, Nominal / 5, cutoffVoltageV: 3.0));
        var charge2 = Run(bench, ChannelMode.ChargeCccv, DeviceEndReason.Current, () => m.StartStep(0, ChannelMode.ChargeCccv, Nominal / 5, voltageV: 4.2, cutoffCurrentA: Nominal / 50));
        Run(bench, ChannelMode.Rest, DeviceEndReason.Time, () => m.StartStep(0, ChannelMode.Rest, cutoffTimeS: 1800));
        var discharge2 = Run(bench, ChannelMode.DischargeCc, DeviceEndReason.Voltage, () => m.StartStep(0, ChannelMode.DischargeCc, Nominal / 5, cutoffVoltageV: 3.0));

        double truth = bench.Unit.TruthOf(0).CapacityAh;
        double efficiency1 = -discharge1.StepAh / (precharge.StepAh + charge1.StepAh);
        double efficiency2 = -discharge2.StepAh / charge2.StepAh;
        output.WriteLine($"true capacity {truth:F4} Ah; precharge {precharge.StepAh:F4} Ah in {precharge.StepTimeS / 3600:F2} h; charge1 {charge1.StepAh:F4}; discharge1 {discharge1.StepAh:F4}; charge2 {charge2.StepAh:F4}; discharge2 {discharge2.StepAh:F4}");
        output.WriteLine($"CE1 {efficiency1:F4}, CE2 {efficiency2:F5}, capacity error {(-discharge2.StepAh / truth) - 1:P3}, virtual time {bench.Clock.GetUtcNow() - new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)}");

        Assert.InRange(-discharge2.StepAh, truth * 0.997, truth * 1.003);
        Assert.InRange(efficiency1, 0.80, 0.95);
        Assert.True(efficiency2 > 0.99, $"second-cycle coulombic efficiency {efficiency2}");
        Assert.True(efficiency2 < 1.0, $"second-cycle coulombic efficiency {efficiency2} cannot exceed 1");
    }

    private static ChannelReading Run(Bench bench, ChannelMode mode, DeviceEndReason expectedEnd, Action start)
    {
        ushort before = bench.Master.Read(0).StepSequence;
        start();
        var last = bench.RunToEnd(0)[^1];
        Assert.Equal(ChannelDeviceState.StepComplete, last.State);
        Assert.Equal(mode, last.ActiveMode);
        Assert.Equal(expectedEnd, last.EndReason);
        Assert.Equal((ushort)(before + 1), last.StepSequence);
        return last;
    }
}
