namespace FormationControl.Controller.Execution;

/// <summary>
/// DC internal resistance from a pulse: R = ΔV/ΔI between the end of the level before the first current
/// edge and the end of that current level, from the values the device latched at each leg's end (the HPPC
/// end-of-pulse resistance). Discharge current negative, so R comes out positive either way.
/// </summary>
public static class PulseResistance
{
    /// <param name="ends">Voltage and current at the end of each leg, preceded by the state before the pulse.</param>
    public static double? EndOfFirstPulse(IReadOnlyList<(double VoltageV, double CurrentA)> ends)
    {
        for (int i = 1; i < ends.Count; i++)
        {
            double di = ends[i].CurrentA - ends[i - 1].CurrentA;
            if (Math.Abs(ends[i - 1].CurrentA) < 1e-6 && Math.Abs(di) > 1e-6)
            {
                return (ends[i].VoltageV - ends[i - 1].VoltageV) / di;
            }
        }

        return null;
    }
}
