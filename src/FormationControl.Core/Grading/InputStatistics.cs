namespace FormationControl.Core.Grading;

/// <summary>The distribution of one input over a lot's measured cells.</summary>
/// <param name="Count">Cells with a finite value.</param>
/// <param name="StdDev">Sample standard deviation (n − 1); 0 for one cell.</param>
public sealed record InputStatistics(int Count, double Mean, double StdDev, double Median, double Min, double Max, double P05, double P95)
{
    /// <summary>The statistics of the finite values in <paramref name="values"/>; null when there is none.</summary>
    public static InputStatistics? Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        double mean = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            mean += (sorted[i] - mean) / (i + 1); // running mean: no overflow or cancellation for 100k cells
        }

        double squares = 0;
        foreach (double v in sorted)
        {
            squares += (v - mean) * (v - mean);
        }

        double std = sorted.Length > 1 ? Math.Sqrt(squares / (sorted.Length - 1)) : 0;
        return new InputStatistics(sorted.Length, mean, std, Quantile(sorted, 0.5), sorted[0], sorted[^1], Quantile(sorted, 0.05), Quantile(sorted, 0.95));
    }

    /// <summary>Linear interpolation between order statistics (the "type 7" quantile of R and NumPy).</summary>
    private static double Quantile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
