using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Execution;

/// <summary>
/// Time, Ah and Wh of a profile step so far. The device counts per device step; a pulse step spans several,
/// so the legs already finished are carried and the running leg's counters added.
/// </summary>
public readonly record struct StepTotals(double TimeS, double Ah, double Wh)
{
    public static StepTotals operator +(StepTotals done, in ChannelStatus running) =>
        new(done.TimeS + running.StepTimeS, done.Ah + running.StepAh, done.Wh + running.StepWh);
}
