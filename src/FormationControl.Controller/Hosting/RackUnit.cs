using FormationControl.Controller.Configuration;
using FormationControl.Controller.Polling;

namespace FormationControl.Controller.Hosting;

/// <summary>One unit of a connected rack: its configuration, its supervisor and whether its watchdog is set.</summary>
public sealed class RackUnit(UnitConfig config, UnitSupervisor supervisor)
{
    public UnitConfig Config { get; } = config;

    public UnitSupervisor Supervisor { get; } = supervisor;

    public string Name => Config.Name;

    /// <summary>Where the unit is reached, as written in messages ("tcp://10.0.0.5:502", "/dev/ttyUSB0 19200 8E1").</summary>
    public string Address => Config.Transport.ToString()!;

    /// <summary>True once the unit accepted the watchdog period since it last went silent.</summary>
    public bool WatchdogSet { get; private set; }

    /// <summary>Writes the watchdog period to the unit; null when it took it, else the failure.</summary>
    internal async Task<Exception?> TrySetWatchdogAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        try
        {
            await Supervisor.Driver.ConfigureWatchdogAsync(period, cancellationToken).ConfigureAwait(false);
            WatchdogSet = true;
            return null;
        }
        catch (Exception e) when (e is IOException or TimeoutException or Modbus.Protocol.ModbusException)
        {
            WatchdogSet = false;
            return e;
        }
    }

    /// <summary>The unit went silent: it may restart meanwhile, so its watchdog is set again when it answers.</summary>
    internal void ForgetWatchdog() => WatchdogSet = false;
}
