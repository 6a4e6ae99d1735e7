namespace FormationControl.Controller.Grading;

/// <summary>
/// Groups cells into modules of series × parallel cells so that each module's capacity and resistance spreads are
/// small: cells are ordered by capacity and cut into modules, then cells are swapped between neighbouring modules
/// while a swap lowers the cost, Σ over modules of (capacity range / σ_capacity + resistance range / σ_resistance).
/// Cells left over (fewer than a module) are returned apart.
/// </summary>
public static class ModuleMatcher
{
    private const int MaxPasses = 20;

    /// <summary>The modules (numbered from 1) and the cells that fill no module.</summary>
    public static (IReadOnlyList<MatchedModule> Modules, IReadOnlyList<MatchCell> Leftover) Match(IReadOnlyList<MatchCell> cells, int series, int parallel)
    {
        int size = SizeOf(cells, series, parallel);
        var (capScale, resScale) = Scales(cells);
        var ordered = cells.OrderBy(c => c.CapacityAh).ThenBy(c => c.ResistanceOhm).ThenBy(c => c.CellId, StringComparer.Ordinal).ToArray();
        int count = ordered.Length / size;
        var groups = Enumerable.Range(0, count).Select(m => ordered.AsSpan(m * size, size).ToArray()).ToArray();
        for (int pass = 0; pass < MaxPasses && Improve(groups, capScale, resScale); pass++)
        {
        }

        return ([.. groups.Select((g, i) => new MatchedModule(i + 1, g))], ordered[(count * size)..]);
    }

    /// <summary>The naive grouping (consecutive cells in the given order), for comparison.</summary>
    public static IReadOnlyList<MatchedModule> Consecutive(IReadOnlyList<MatchCell> cells, int series, int parallel)
    {
        int size = SizeOf(cells, series, parallel);
        return [.. Enumerable.Range(0, cells.Count / size).Select(m => new MatchedModule(m + 1, [.. cells.Skip(m * size).Take(size)]))];
    }

    /// <summary>The cost the matcher minimises, for comparing groupings of the same cells.</summary>
    public static double Cost(IReadOnlyList<MatchedModule> modules, IReadOnlyList<MatchCell> cells)
    {
        ArgumentNullException.ThrowIfNull(modules);
        var (capScale, resScale) = Scales(cells);
        return modules.Sum(m => (m.CapacitySpreadAh / capScale) + (m.ResistanceSpreadOhm / resScale));
    }

    private static int SizeOf(IReadOnlyList<MatchCell> cells, int series, int parallel)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(series, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        return series * parallel;
    }

    private static (double Capacity, double Resistance) Scales(IReadOnlyList<MatchCell> cells) =>
        (Spread(cells.Select(c => c.CapacityAh)), Spread(cells.Select(c => c.ResistanceOhm)));

    /// <summary>Standard deviation, or 1 when the values do not vary (so that input then adds nothing).</summary>
    private static double Spread(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count < 2)
        {
            return 1;
        }

        double mean = list.Average();
        double sd = Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
        return sd > 0 ? sd : 1;
    }

    private static bool Improve(MatchCell[][] groups, double capScale, double resScale)
    {
        bool improved = false;
        for (int m = 0; m + 1 < groups.Length; m++)
        {
            for (int n = m + 1; n < Math.Min(groups.Length, m + 3); n++)
            {
                improved |= ImprovePair(groups[m], groups[n], capScale, resScale);
            }
        }

        return improved;
    }

    private static bool ImprovePair(MatchCell[] a, MatchCell[] b, double capScale, double resScale)
    {
        bool improved = false;
        double cost = GroupCost(a, capScale, resScale) + GroupCost(b, capScale, resScale);
        for (int i = 0; i < a.Length; i++)
        {
            for (int j = 0; j < b.Length; j++)
            {
                (a[i], b[j]) = (b[j], a[i]);
                double swapped = GroupCost(a, capScale, resScale) + GroupCost(b, capScale, resScale);
                if (swapped < cost - 1e-12)
                {
                    cost = swapped;
                    improved = true;
                }
                else
                {
                    (a[i], b[j]) = (b[j], a[i]);
                }
            }
        }

        return improved;
    }

    private static double GroupCost(MatchCell[] cells, double capScale, double resScale)
    {
        double capMin = double.MaxValue, capMax = double.MinValue, resMin = double.MaxValue, resMax = double.MinValue;
        foreach (var c in cells)
        {
            capMin = Math.Min(capMin, c.CapacityAh);
            capMax = Math.Max(capMax, c.CapacityAh);
            resMin = Math.Min(resMin, c.ResistanceOhm);
            resMax = Math.Max(resMax, c.ResistanceOhm);
        }

        return ((capMax - capMin) / capScale) + ((resMax - resMin) / resScale);
    }
}
