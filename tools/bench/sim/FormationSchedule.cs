using FormationControl.Devices.Cycler;

namespace FormationControl.SimBench;

/// <summary>
/// The device steps of a formation of a 100 Ah NMC cell (C/50 pre-charge, C/10 CCCV first charge, then C/5 cycles
/// with rests), as the controller would send them; after the first charge the cycle repeats until the run ends.
/// </summary>
internal static class FormationSchedule
{
    public static readonly StepCommand[] Steps =
    [
        new(ChannelMode.ChargeCc, CurrentA: 2, CutoffVoltageV: 3.6, CutoffTime: TimeSpan.FromHours(16)),
        new(ChannelMode.ChargeCccv, CurrentA: 10, VoltageV: 4.2, CutoffCurrentA: 2, CutoffTime: TimeSpan.FromHours(16)),
        new(ChannelMode.Rest, CutoffTime: TimeSpan.FromMinutes(30)),
        new(ChannelMode.DischargeCc, CurrentA: 20, CutoffVoltageV: 3.0, CutoffTime: TimeSpan.FromHours(7)),
        new(ChannelMode.Rest, CutoffTime: TimeSpan.FromMinutes(30)),
        new(ChannelMode.ChargeCccv, CurrentA: 20, VoltageV: 4.2, CutoffCurrentA: 5, CutoffTime: TimeSpan.FromHours(10)),
    ];

    /// <summary>The step after <paramref name="index"/>: the cycle (rest, discharge, rest, charge) repeats.</summary>
    public static int Next(int index) => index + 1 < Steps.Length ? index + 1 : 2;
}
