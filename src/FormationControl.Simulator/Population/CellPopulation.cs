using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Population;

/// <summary>
/// A batch of cells of one nominal capacity with a production spread, reproducible from a seed. For cell i, with
/// s = reference Ah / nominal Ah (defaults of <see cref="PopulationOptions"/>):
/// <code>
/// capacity = nominal × (1.01 + 0.007·N)
/// R0 = 0.45 mΩ·s·(1 + 0.04·N)    R1 = 0.68 mΩ·s·(1 + 0.04·N)    R2 = 0.30 mΩ·s·(1 + 0.04·N)    τ1 = 30 s, τ2 = 400 s
/// self-discharge = capacity × 0.03 %/day × e^(0.5·N)      (log-normal)
/// defect class from a uniform U against the rates; its severity from a second uniform
/// </code>
/// with the draws N, N, N, N, N, U, U taken in that order, cell after cell, so the same seed gives the same cells
/// and a larger population starts with the same cells.
/// </summary>
public sealed class CellPopulation
{
    // A 1 − 0.04·N factor stays positive to N = 25σ; the floor only guards extreme custom spreads.
    private const double MinimumFactor = 0.05;

    /// <summary>Draws <paramref name="count"/> cells.</summary>
    public CellPopulation(int count, double nominalCapacityAh, int seed, PopulationOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (!(nominalCapacityAh > 0) || !double.IsFinite(nominalCapacityAh))
        {
            throw new ArgumentOutOfRangeException(nameof(nominalCapacityAh), nominalCapacityAh, "The nominal capacity must be a positive number of Ah.");
        }

        options ??= PopulationOptions.Default;
        options.Validate();
        NominalCapacityAh = nominalCapacityAh;
        Seed = seed;
        Options = options;
        var draws = new GaussianSource(seed);
        double scale = options.ReferenceCapacityAh / nominalCapacityAh;
        var cells = new SimulatedCell[count];
        for (int i = 0; i < count; i++)
        {
            double capacity = nominalCapacityAh * Math.Max(MinimumFactor, options.CapacityMeanFactor + (options.CapacitySigma * draws.Next()));
            double r0 = options.R0AtReferenceOhm * scale * Spread(options.ResistanceSigma, draws.Next());
            double r1 = options.R1AtReferenceOhm * scale * Spread(options.ResistanceSigma, draws.Next());
            double r2 = options.R2AtReferenceOhm * scale * Spread(options.ResistanceSigma, draws.Next());
            double leak = capacity * options.SelfDischargeMedianPerDay / 24 * Math.Exp(options.SelfDischargeLogSigma * draws.Next());
            var defect = options.Defects.ClassFor(draws.NextUniform());
            double severity = draws.NextUniform();
            double contact = 0;
            switch (defect)
            {
                case CellDefect.MicroShort:
                    leak = capacity * options.SelfDischargeMedianPerDay / 24 * Between(options.MicroShortFactor, severity, logarithmic: true);
                    break;
                case CellDefect.HighResistance:
                    double factor = Between(options.HighResistanceFactor, severity, logarithmic: false);
                    r0 *= factor;
                    r1 *= factor;
                    break;
                case CellDefect.PoorContact:
                    contact = options.R0AtReferenceOhm * scale * Between(options.PoorContactFactor, severity, logarithmic: false);
                    break;
            }

            var truth = new CellTruth(i, capacity, r0, r1, options.Tau1S, r2, r2 > 0 ? options.Tau2S : 0, leak, defect, contact);
            cells[i] = new SimulatedCell(truth, options.Ocv, options.Cell);
        }

        Cells = cells;
    }

    public double NominalCapacityAh { get; }

    public int Seed { get; }

    /// <summary>The options the cells were drawn with.</summary>
    public PopulationOptions Options { get; }

    /// <summary>The cells, index i holding <see cref="CellTruth.Index"/> i. Each cell goes into one channel only.</summary>
    public IReadOnlyList<SimulatedCell> Cells { get; }

    /// <summary>A contiguous run of cells, e.g. the ones for one unit of a rack.</summary>
    public IReadOnlyList<SimulatedCell> Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Cells.Count, nameof(count));
        var slice = new SimulatedCell[count];
        for (int i = 0; i < count; i++)
        {
            slice[i] = Cells[start + i];
        }

        return slice;
    }

    private static double Spread(double sigma, double normal) => Math.Max(MinimumFactor, 1 + (sigma * normal));

    private static double Between((double Min, double Max) range, double u, bool logarithmic) =>
        logarithmic ? range.Min * Math.Pow(range.Max / range.Min, u) : range.Min + ((range.Max - range.Min) * u);
}
