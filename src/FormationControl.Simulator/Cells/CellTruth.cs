namespace FormationControl.Simulator.Cells;

/// <summary>
/// The ground truth of one simulated cell, which a grading run should recover from what it measures.
/// </summary>
/// <param name="Index">Position in its population (0-based).</param>
/// <param name="CapacityAh">Capacity Q: the charge between SOC 0 and 1.</param>
/// <param name="R0Ohm">Series (ohmic) resistance.</param>
/// <param name="R1Ohm">Resistance of the RC pair.</param>
/// <param name="Tau1S">Time constant R1·C1 of the RC pair, in seconds.</param>
public sealed record CellTruth(int Index, double CapacityAh, double R0Ohm, double R1Ohm, double Tau1S)
{
    /// <summary>Capacitance of the RC pair, C1 = τ1 / R1, in farads.</summary>
    public double C1F => Tau1S / R1Ohm;

    internal void Validate()
    {
        if (!(CapacityAh > 0) || !(R0Ohm > 0) || !(R1Ohm > 0) || !(Tau1S > 0)
            || !double.IsFinite(CapacityAh) || !double.IsFinite(R0Ohm) || !double.IsFinite(R1Ohm) || !double.IsFinite(Tau1S))
        {
            throw new ArgumentException($"Cell {Index}: capacity, R0, R1 and tau1 must be positive and finite (got {CapacityAh} Ah, {R0Ohm} ohm, {R1Ohm} ohm, {Tau1S} s).");
        }
    }
}
