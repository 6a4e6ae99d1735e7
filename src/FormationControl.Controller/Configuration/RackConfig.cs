namespace FormationControl.Controller.Configuration;

/// <summary>
/// One rack as the controller drives it: its cycler units, how often they are polled, how long a request
/// may take, the device watchdog, where records go and how the local API listens.
/// Loaded and validated by <see cref="RackConfigLoader"/>.
/// </summary>
/// <param name="Name">The rack's name, for logs and the API.</param>
/// <param name="Units">The cycler units, in file order; names are unique.</param>
/// <param name="PollInterval">Time between two polls of every unit.</param>
/// <param name="RequestTimeout">How long one Modbus request waits for its answer (real time).</param>
/// <param name="ConnectTimeout">How long opening a unit's connection may take (real time).</param>
/// <param name="WatchdogPeriod">A unit turns its outputs off when it hears no heartbeat for this long; longer than the poll interval.</param>
/// <param name="StoragePath">The LiteDB store, absolute (a relative path in the file is taken from the file's folder).</param>
/// <param name="Http">The local HTTP API.</param>
public sealed record RackConfig(
    string Name,
    IReadOnlyList<UnitConfig> Units,
    TimeSpan PollInterval,
    TimeSpan RequestTimeout,
    TimeSpan ConnectTimeout,
    TimeSpan WatchdogPeriod,
    string StoragePath,
    HttpConfig Http)
{
    /// <summary>The default <see cref="CommLossTimeout"/>: 10 minutes.</summary>
    public static readonly TimeSpan DefaultCommLossTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a unit may stay silent before its running channels give up and fault, naming the unit and the time
    /// (<c>commLossTimeout</c>, default 10 min). Until then a silent unit's channels wait in CommLoss and go on when it
    /// answers; the device watchdog has turned their outputs off after <see cref="WatchdogPeriod"/>. Longer than it.
    /// </summary>
    public TimeSpan CommLossTimeout { get; init; } = DefaultCommLossTimeout;

    /// <summary>Channels over all units.</summary>
    public int ChannelCount => Units.Sum(u => u.Channels);
}
