namespace FormationControl.ControllerBench;

/// <summary>Request durations of the measured window (lock-free; drops what exceeds its capacity and counts it).</summary>
internal sealed class RequestTimes(int capacity)
{
    private readonly double[] _ms = new double[capacity];
    private int _count;
    private int _asynchronous;
    private double _totalMs;
    private bool _recording;
    private double _cycleMaxMs;
    private long _lastCompletion;

    /// <summary>Requests recorded (also those beyond the capacity).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Requests whose answer did not come within the master's fast-path wait (it yielded the thread).</summary>
    public int Asynchronous => Volatile.Read(ref _asynchronous);

    public double TotalMs => Volatile.Read(ref _totalMs);

    public void Start() => Volatile.Write(ref _recording, true);

    public void Stop() => Volatile.Write(ref _recording, false);

    /// <summary>The longest request since the last call (0 if none).</summary>
    public double TakeCycleMax() => Interlocked.Exchange(ref _cycleMaxMs, 0);

    /// <summary>When the latest request since the last call completed (a <see cref="TimeProvider"/> timestamp, 0 if none).</summary>
    public long TakeLastCompletion() => Interlocked.Exchange(ref _lastCompletion, 0);

    public void Add(double ms, bool synchronous, long completedAt)
    {
        long last;
        do
        {
            last = Volatile.Read(ref _lastCompletion);
        }
        while (completedAt > last && Interlocked.CompareExchange(ref _lastCompletion, completedAt, last) != last);

        double max;
        do
        {
            max = Volatile.Read(ref _cycleMaxMs);
        }
        while (ms > max && Interlocked.CompareExchange(ref _cycleMaxMs, ms, max) != max);

        if (!Volatile.Read(ref _recording))
        {
            return;
        }

        int index = Interlocked.Increment(ref _count) - 1;
        if (index < _ms.Length)
        {
            _ms[index] = ms;
        }

        if (!synchronous)
        {
            Interlocked.Increment(ref _asynchronous);
        }

        double seen, sum;
        do
        {
            seen = Volatile.Read(ref _totalMs);
            sum = seen + ms;
        }
        while (Interlocked.CompareExchange(ref _totalMs, sum, seen) != seen);
    }

    public Percentiles Percentiles() => new(_ms.Take(Math.Min(Count, _ms.Length)));
}
