using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Population;

/// <summary>
/// A batch of cells of one nominal capacity with a production spread, reproducible from a seed. For cell i:
/// <code>
/// capacity = nominal × (1.01 + 0.007·N)
/// R0 = 0.45 mΩ × (100 Ah / nominal) × (1 + 0.04·N)      R1 = 0.68 mΩ × (100 Ah / nominal) × (1 + 0.04·N)
/// τ1 = 30 s
/// </code>
/// with independent standard normals N drawn in that order, cell after cell (defaults of <see cref="PopulationOptions"/>).
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
        NominalCapacityAh = nominalCapacityAh;
        Seed = seed;
        var normal = new GaussianSource(seed);
        double scale = options.ReferenceCapacityAh / nominalCapacityAh;
        var cells = new SimulatedCell[count];
        for (int i = 0; i < count; i++)
        {
            double capacity = nominalCapacityAh * Math.Max(MinimumFactor, options.CapacityMeanFactor + (options.CapacitySigma * normal.Next()));
            double r0 = options.R0AtReferenceOhm * scale * Math.Max(MinimumFactor, 1 + (options.ResistanceSigma * normal.Next()));
            double r1 = options.R1AtReferenceOhm * scale * Math.Max(MinimumFactor, 1 + (options.ResistanceSigma * normal.Next()));
            cells[i] = new SimulatedCell(new CellTruth(i, capacity, r0, r1, options.Tau1S), options.Ocv, options.Cell);
        }

        Cells = cells;
    }

    public double NominalCapacityAh { get; }

    public int Seed { get; }

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
}
