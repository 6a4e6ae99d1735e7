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
    /// <summary>Channels over all units.</summary>
    public int ChannelCount => Units.Sum(u => u.Channels);
}
