namespace FormationControl.Devices.Meter;

/// <summary>How the driver talks to an OCV/ACIR meter.</summary>
public sealed record OcvIrMeterOptions
{
    /// <summary>How long a query waits for its answer before the driver asks the meter's error queue. Default 1 s.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Wait after the multiplexer closes a channel before measuring, so the relay and probes settle. Default 20 ms;
    /// zero for a simulated meter.
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Times a query that got no answer and no queued error is asked again. Default 1.</summary>
    public int Retries { get; init; } = 1;
}
