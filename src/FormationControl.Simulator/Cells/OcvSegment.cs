namespace FormationControl.Simulator.Cells;

/// <summary>
/// One straight piece of an <see cref="OcvTable"/>: <c>OCV = InterceptV + SlopeVPerUnit × SOC</c> for
/// SOC in [<see cref="LowerSoc"/>, <see cref="UpperSoc"/>]. The outer pieces reach to ±infinity.
/// </summary>
internal readonly record struct OcvSegment(double LowerSoc, double UpperSoc, double InterceptV, double SlopeVPerUnit)
{
    public double VoltageAt(double soc) => InterceptV + (SlopeVPerUnit * soc);
}
