using CsCheck;
using FormationControl.Devices.Cycler;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Tests.Support;

namespace FormationControl.Simulator.Tests.Cycler;

/// <summary>
/// The physics is evaluated lazily at each request, exactly: how often the master looks must not change
/// anything. Random steps (every mode, odd setpoints, cut-offs near and far, after a random pulse) run once
/// polled often and once read only at the end, and must agree. Cut-off currents start at 10 mA: the end of a taper to a few µA
/// hangs on the last bits of the voltages (ΔI = ΔV/R0), so its timing is only as repeatable as rounding.
/// </summary>
public sealed class PollingIndependenceTests
{
    private static readonly Gen<StepCase> Cases =
        from soc in Gen.Double[-0.001, 1.001]
        from pulse in Gen.Double[-200, 200]
        from mode in Gen.Enum<ChannelMode>()
        from current in Gen.OneOf(Gen.Double[0, 300], Gen.Const(0.0))
        from power in Gen.OneOf(Gen.Double[0, 1000], Gen.Const(0.0))
        from resistance in Gen.Double[0.002, 2]
        from voltage in Gen.Double[2.9, 4.3]
        from cutoffVoltage in Gen.OneOf(Gen.Double[2.9, 4.3], Gen.Const(0.0))
        from cutoffCurrent in Gen.OneOf(Gen.Double[0.01, 50], Gen.Const(0.0))
        from cutoffAh in Gen.OneOf(Gen.Double[0.001, 30], Gen.Const(0.0))
        from cutoffTime in Gen.Double[1, 20_000]
        from poll in Gen.Double[0.3, 60]
        select new StepCase(soc, pulse, mode, current, voltage, cutoffVoltage, cutoffCurrent, cutoffAh, cutoffTime, poll, power, resistance);

    [Fact]
    public void Any_step_ends_the_same_however_often_it_is_polled()
    {
        Cases.Sample(
            c =>
            {
                var often = Run(c, Math.Max(c.PollS, c.CutoffTimeS / 2000));
                var once = Run(c, c.CutoffTimeS + 1);
                return often.State == once.State && often.EndReason == once.EndReason && often.FaultCode == once.FaultCode
                    && Math.Abs(often.StepTimeS - once.StepTimeS) < 1e-5
                    && Math.Abs(often.StepAh - once.StepAh) < 1e-7
                    && Math.Abs(often.StateOfCharge - once.StateOfCharge) < 1e-9;
            },
            iter: 300);
    }

    private static ChannelSnapshot Run(StepCase c, double pollS)
    {
        var bench = new Bench(Bench.Cell(c.Soc, seiBudget: 0.12));

        // A one-minute pulse first, so the step starts with the RC pair charged either way.
        bench.Master.StartStep(0, c.PulseA >= 0 ? ChannelMode.ChargeCc : ChannelMode.DischargeCc, Math.Abs(c.PulseA), cutoffTimeS: 60);
        bench.Advance(60);
        bench.Master.StartStep(0, c.Mode, c.CurrentA, c.VoltageV, c.CutoffVoltageV, c.CutoffCurrentA, c.CutoffTimeS, c.CutoffAh, c.PowerW, c.ResistanceOhm);
        double end = c.CutoffTimeS + 1;
        for (double t = 0; t < end; t += pollS)
        {
            bench.Advance(Math.Min(pollS, end - t));
            bench.Master.Read(0);
        }

        return bench.Unit.ReadChannelState(0);
    }

    internal sealed record StepCase(double Soc, double PulseA, ChannelMode Mode, double CurrentA, double VoltageV, double CutoffVoltageV, double CutoffCurrentA, double CutoffAh, double CutoffTimeS, double PollS, double PowerW, double ResistanceOhm);
}
