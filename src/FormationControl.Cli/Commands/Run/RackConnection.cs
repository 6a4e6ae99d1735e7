using FormationControl.Controller.Configuration;
using FormationControl.Controller.Polling;
using FormationControl.Devices.Cycler;
using FormationControl.Modbus.Master;

namespace FormationControl.Cli.Commands.Run;

/// <summary>One Modbus TCP connection per unit of a rack, opened concurrently, closed together.</summary>
internal sealed class RackConnection : IAsyncDisposable
{
    private readonly List<ModbusTcpMaster> _masters = [];

    public List<UnitSupervisor> Units { get; } = [];

    /// <summary>Connects every unit; the problems name each unit that cannot be reached (and nothing stays open then).</summary>
    public static async Task<(RackConnection? Rack, IReadOnlyList<string> Problems)> OpenAsync(RackConfig config, CancellationToken cancellationToken)
    {
        var rack = new RackConnection();
        var attempts = config.Units.Select(u => ConnectAsync(u, config, cancellationToken)).ToList();
        var problems = new List<string>();
        foreach (var (unit, attempt) in config.Units.Zip(attempts))
        {
            var (master, problem) = await attempt.ConfigureAwait(false);
            if (master is null)
            {
                problems.Add(problem!);
                continue;
            }

            rack._masters.Add(master);
            rack.Units.Add(new UnitSupervisor(unit.Name, new CyclerDriver(master, unit.RegisterMap, unit.UnitId, unit.Channels)));
        }

        if (problems.Count == 0)
        {
            return (rack, problems);
        }

        await rack.DisposeAsync().ConfigureAwait(false);
        return (null, problems);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var master in _masters)
        {
            await master.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<(ModbusTcpMaster? Master, string? Problem)> ConnectAsync(UnitConfig unit, RackConfig config, CancellationToken cancellationToken)
    {
        if (unit.Transport is not TcpTransport tcp)
        {
            return (null, $"unit {unit.Name}: {unit.Transport} is not supported by 'fc run' yet (Modbus TCP only)");
        }

        try
        {
            var options = new ModbusTcpMasterOptions { Timeout = config.RequestTimeout, ConnectTimeout = config.ConnectTimeout };
            return (await ModbusTcpMaster.ConnectAsync(tcp.Host, tcp.Port, options, cancellationToken).ConfigureAwait(false), null);
        }
        catch (ModbusTransportException e)
        {
            return (null, $"unit {unit.Name} at {tcp} cannot be reached: {e.Message}");
        }
    }
}
