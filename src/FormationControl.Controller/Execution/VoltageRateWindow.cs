namespace FormationControl.Controller.Execution;

/// <summary>
/// dV/dt over a sliding window of samples. A rate from two consecutive polls would be noise: 0.1 mV of
/// quantisation over 5 s is already 1.2 mV/min, the size of a typical rest-end criterion. Over a minute
/// the same quantisation is 0.1 mV/min.
/// </summary>
public sealed class VoltageRateWindow(TimeSpan window)
{
    private readonly Queue<(double TimeS, double VoltageV)> _samples = new();

    public void Clear() => _samples.Clear();

    public void Add(double timeS, double voltageV)
    {
        _samples.Enqueue((timeS, voltageV));
        // Keep exactly one sample at least a window old: the rate is measured from it.
        while (_samples.Count > 2 && timeS - ElementAt(1).TimeS >= window.TotalSeconds)
        {
            _samples.Dequeue();
        }
    }

    /// <summary>The rate in V/s once the samples span the window.</summary>
    public bool TryGetRate(out double voltsPerSecond)
    {
        voltsPerSecond = 0;
        if (_samples.Count < 2)
        {
            return false;
        }

        var oldest = _samples.Peek();
        var newest = _samples.Last();
        double span = newest.TimeS - oldest.TimeS;
        if (span < window.TotalSeconds)
        {
            return false;
        }

        voltsPerSecond = (newest.VoltageV - oldest.VoltageV) / span;
        return true;
    }

    private (double TimeS, double VoltageV) ElementAt(int index) => _samples.ElementAt(index);
}
