namespace FormationControl.ControllerBench;

/// <summary>Nearest-rank percentiles of a set of durations in milliseconds.</summary>
internal sealed class Percentiles(IEnumerable<double> values)
{
    private readonly double[] _sorted = values.Order().ToArray();

    public int Count => _sorted.Length;

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    /// <summary>The smallest value with at least <paramref name="percent"/> % of the values at or below it.</summary>
    public double At(double percent)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        int rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank, 1, _sorted.Length) - 1];
    }
}
