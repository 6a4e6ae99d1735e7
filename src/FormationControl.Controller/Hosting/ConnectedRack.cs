using FormationControl.Controller.Polling;
using FormationControl.Modbus.Master;

namespace FormationControl.Controller.Hosting;

/// <summary>The units of a rack with their open links; disposing closes every link (each shared serial line once).</summary>
public sealed class ConnectedRack : IAsyncDisposable
{
    private readonly IReadOnlyList<IModbusMaster> _masters;

    internal ConnectedRack(IReadOnlyList<RackUnit> units, IReadOnlyList<IModbusMaster> masters)
    {
        Units = units;
        Supervisors = [.. units.Select(u => u.Supervisor)];
        _masters = masters;
    }

    /// <summary>Every configured unit, in configuration order (offline ones included in tolerant mode).</summary>
    public IReadOnlyList<RackUnit> Units { get; }

    /// <summary>The units' supervisors, in configuration order, as <see cref="RackPoller"/> and the operations take them.</summary>
    public IReadOnlyList<UnitSupervisor> Supervisors { get; }

    /// <summary>The open links: one per TCP unit, one per serial line.</summary>
    internal IReadOnlyList<IModbusMaster> Links => _masters;

    public async ValueTask DisposeAsync()
    {
        foreach (var master in _masters)
        {
            await master.DisposeAsync().ConfigureAwait(false);
        }
    }
}
