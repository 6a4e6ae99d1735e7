namespace FormationControl.Simulator.Cells;

/// <summary>
/// How long a cell's coefficients may stay frozen, and at what point to freeze them. Resistances follow temperature
/// and SOC, which closed forms cannot carry; so they are held constant over epochs short enough that they would
/// have moved by at most <see cref="RelativeChange"/>, and taken at the epoch's predicted midpoint (second-order
/// accurate). An epoch depends only on the state at its start, never on when the master polls, so results stay
/// independent of polling.
/// </summary>
internal static class CoefficientEpoch
{
    /// <summary>Largest relative change of the resistances over one epoch.</summary>
    public const double RelativeChange = 0.001;

    /// <summary>Longest epoch: even a cell that seems settled is looked at again this often.</summary>
    public const double MaxLengthS = 600;

    /// <summary>Shortest epoch, against a runaway of tiny epochs when something changes very fast.</summary>
    public const double MinLengthS = 0.01;

    /// <summary>Plans an epoch from the cell's present state for a present current.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="currentA">The current the channel drives now (0 with the output off).</param>
    /// <param name="efficiency">The charge efficiency for that current.</param>
    /// <param name="ambientC">The ambient temperature.</param>
    /// <param name="externalHeatW">Heat put into the cell from outside.</param>
    /// <param name="limitS">A further bound on the length (e.g. a power step's voltage drift).</param>
    public static (double LengthS, double MidTemperatureC, double MidSoc) Plan(SimulatedCell cell, double currentA, double efficiency, double ambientC, double externalHeatW, double limitS)
    {
        var truth = cell.Truth;
        var scaling = cell.Scaling;
        double t = cell.TemperatureC, soc = cell.Soc;
        double factor = scaling.Factor(t, soc);
        double r0 = truth.R0Ohm * factor, r1 = truth.R1Ohm * factor, r2 = truth.R2Ohm * factor;
        double heatNow = (currentA * currentA * r0) + (r1 > 0 ? cell.V1 * cell.V1 / r1 : 0) + (r2 > 0 ? cell.V2 * cell.V2 / r2 : 0) + externalHeatW;
        double heatSteady = (currentA * currentA * (r0 + r1 + r2)) + externalHeatW;
        double ha = cell.HeatTransferWPerK, capacity = cell.HeatCapacityJPerK;
        double loss = ha * (t - ambientC);
        double temperatureRate = Math.Max(Math.Abs(heatNow - loss), Math.Abs(heatSteady - loss)) / capacity;

        double length = Math.Min(MaxLengthS, limitS);
        double logSlopeT = scaling.LogSlopePerKelvin(t);
        if (temperatureRate > 0 && logSlopeT > 0)
        {
            length = Math.Min(length, RelativeChange / logSlopeT / temperatureRate);
        }

        double socRate = ((efficiency * currentA) - truth.SelfDischargeA) / (3600 * truth.CapacityAh);
        if (socRate != 0 && scaling.MaxLogSlopePerSoc > 0)
        {
            length = Math.Min(length, scaling.DependsOnSoc(soc)
                ? RelativeChange / scaling.MaxLogSlopePerSoc / Math.Abs(socRate)
                : DistanceToBand(scaling, soc, socRate) / Math.Abs(socRate));
        }

        length = Math.Max(MinLengthS, length);

        // The predicted midpoint: SOC moves linearly, T relaxes towards the equilibrium of the present heat.
        double half = length / 2;
        double midSoc = soc + (socRate * half);
        double midT = ha > 0
            ? ambientC + (heatNow / ha) + ((t - ambientC - (heatNow / ha)) * Math.Exp(-ha / capacity * half))
            : t + (heatNow / capacity * half);
        return (length, midT, midSoc);
    }

    // SOC to travel from the flat middle, in the direction it moves, before it enters a band where resistance depends on it.
    private static double DistanceToBand(ResistanceScaling scaling, double soc, double socRate) =>
        socRate > 0 ? 1 - scaling.Knee - soc : soc - scaling.Knee;
}
