using FormationControl.Controller.Configuration;
using FormationControl.Controller.Polling;
using FormationControl.Devices.Cycler;
using FormationControl.Modbus.Master;

namespace FormationControl.Controller.Hosting;

/// <summary>
/// Opens a rack's links: one Modbus TCP master per TCP unit, one Modbus RTU master per serial line (units on the
/// same device share it, so their requests go out one at a time), builds a <see cref="UnitSupervisor"/> per unit and
/// sets each unit's watchdog to the configured period. All links open concurrently.
/// </summary>
public static class RackConnector
{
    /// <summary>
    /// Connects every unit of <paramref name="config"/>. In <see cref="RackConnectMode.Strict"/> mode a unit that
    /// cannot be reached (or refuses its watchdog period) fails the whole rack and nothing stays open; in
    /// <see cref="RackConnectMode.Tolerant"/> mode it is reported, polls as offline and its link is retried every
    /// poll interval of <paramref name="time"/>. Two units on one serial device with different settings, or a
    /// serial line without 8 data bits, fail both modes.
    /// </summary>
    public static async Task<RackConnectResult> ConnectAsync(RackConfig config, RackConnectMode mode, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var (lines, lineProblems) = SerialLines.Group(config.Units);
        if (lineProblems.Count > 0)
        {
            return new RackConnectResult(null, lineProblems);
        }

        var opening = new List<(IReadOnlyList<UnitConfig> Units, string Address, Func<CancellationToken, Task<IModbusMaster>> Open, Task<IModbusMaster> First)>();
        foreach (var unit in config.Units.Where(u => u.Transport is TcpTransport))
        {
            var tcp = (TcpTransport)unit.Transport;
            var options = new ModbusTcpMasterOptions { Timeout = config.RequestTimeout, ConnectTimeout = config.ConnectTimeout };
            Func<CancellationToken, Task<IModbusMaster>> open = async ct => await ModbusTcpMaster.ConnectAsync(tcp.Host, tcp.Port, options, ct).ConfigureAwait(false);
            opening.Add(([unit], tcp.ToString(), open, open(cancellationToken)));
        }

        foreach (var (line, units) in lines)
        {
            var settings = SerialLines.Settings(line);
            var options = new ModbusRtuMasterOptions { Timeout = config.RequestTimeout };
            Func<CancellationToken, Task<IModbusMaster>> open = _ => Task.Run<IModbusMaster>(() => ModbusRtuMaster.Open(line.Device, settings, options));
            opening.Add((units, line.ToString(), open, open(cancellationToken)));
        }

        var masters = new List<IModbusMaster>();
        var masterOf = new Dictionary<UnitConfig, IModbusMaster>();
        var problems = new List<string>();
        var live = new HashSet<UnitConfig>();
        foreach (var (units, address, open, first) in opening)
        {
            IModbusMaster master;
            try
            {
                master = await first.ConfigureAwait(false);
                live.UnionWith(units);
            }
            catch (IOException e)
            {
                problems.AddRange(units.Select(u => $"unit {u.Name} at {address} cannot be reached: {e.Message}"));
                if (mode == RackConnectMode.Strict)
                {
                    continue;
                }

                master = new DeferredMaster(e.Message, open, config.PollInterval, time);
            }

            masters.Add(master);
            foreach (var unit in units)
            {
                masterOf[unit] = master;
            }
        }

        var rack = new ConnectedRack(
            [.. config.Units.Where(masterOf.ContainsKey).Select(u => new RackUnit(u, new UnitSupervisor(u.Name, new CyclerDriver(masterOf[u], u.RegisterMap, u.UnitId, u.Channels)) { CommLossTimeout = config.CommLossTimeout }))],
            masters);
        if (problems.Count == 0 || mode == RackConnectMode.Tolerant)
        {
            problems.AddRange(await SetWatchdogsAsync(rack.Units.Where(u => live.Contains(u.Config)), config.WatchdogPeriod, time, cancellationToken).ConfigureAwait(false));
        }

        if (problems.Count > 0 && mode == RackConnectMode.Strict)
        {
            await rack.DisposeAsync().ConfigureAwait(false);
            return new RackConnectResult(null, problems);
        }

        return new RackConnectResult(rack, problems);
    }

    // A unit's first answers after the link opened can be late (a device or gateway waking up, a loaded controller
    // starting): timeouts are retried for this long, like an operator request waits for a silent unit, and at most
    // this many times (a clock that stands still, as in tests, must not retry for ever).
    private static readonly TimeSpan WatchdogPatience = TimeSpan.FromSeconds(5);
    private const int MaxWatchdogAttempts = 10;

    private static async Task<IEnumerable<string>> SetWatchdogsAsync(
        IEnumerable<RackUnit> units, TimeSpan period, TimeProvider time, CancellationToken cancellationToken)
    {
        long start = time.GetTimestamp();
        var attempts = units.Select(async u =>
        {
            Exception? error;
            int attempts = 0;
            do
            {
                error = await u.TrySetWatchdogAsync(period, cancellationToken).ConfigureAwait(false);
            }
            while (error is TimeoutException && ++attempts < MaxWatchdogAttempts && time.GetElapsedTime(start) < WatchdogPatience);

            return (Unit: u, Error: error);
        }).ToList();
        var results = await Task.WhenAll(attempts).ConfigureAwait(false);
        return results.Where(r => r.Error is not null)
            .Select(r => $"unit {r.Unit.Name} at {r.Unit.Address} did not take the watchdog period: {r.Error!.Message}");
    }
}
