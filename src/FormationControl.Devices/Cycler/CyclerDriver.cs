using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Devices.Cycler;

/// <summary>
/// Turns channel commands into register writes and register reads into <see cref="ChannelStatus"/>,
/// for one cycler unit described by a <see cref="RegisterMap"/>. One poll or command at a time:
/// the driver reuses its buffers, and its caller (the unit's supervisor) is the only one using it.
/// </summary>
public sealed class CyclerDriver
{
    private readonly IModbusMaster _master;
    private readonly ChannelStatusLayout _status;
    private readonly ChannelCommandLayout _command;
    private readonly ChannelReadPlan _plan;
    private readonly RegisterField _deviceTime;
    private readonly ushort[] _readBuffer = new ushort[ChannelReadPlan.MaxRegistersPerRead];
    private readonly ushort[] _unitBuffer;
    private ushort _heartbeat;

    public CyclerDriver(IModbusMaster master, RegisterMap map, byte unitId, int channelCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channelCount, map.Channel.MaxChannels);
        _master = master;
        Map = map;
        UnitId = unitId;
        ChannelCount = channelCount;
        _status = new ChannelStatusLayout(map.Channel);
        _command = new ChannelCommandLayout(map.Channel);
        _plan = new ChannelReadPlan(channelCount, map.Channel.Stride, _status.Span);
        _deviceTime = map.UnitField("deviceTime");
        _unitBuffer = new ushort[_deviceTime.Length];
    }

    public RegisterMap Map { get; }

    public byte UnitId { get; }

    public int ChannelCount { get; }

    /// <summary>Requests one full poll costs: the device clock plus the coalesced channel reads.</summary>
    public int ReadsPerPoll => 1 + _plan.Reads.Count;

    /// <summary>Reads the device clock and every channel's status.</summary>
    public async ValueTask<UnitSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        await ReadTableAsync(_deviceTime.Table, _deviceTime.Offset, _unitBuffer, cancellationToken).ConfigureAwait(false);
        var deviceTime = TimeSpan.FromSeconds(_deviceTime.Decode(_unitBuffer));
        var channels = new ChannelStatus[ChannelCount];
        int stride = Map.Channel.Stride;
        foreach (var read in _plan.Reads)
        {
            ushort address = Map.Channel.BaseOf(ModbusTable.InputRegisters, read.FirstChannel);
            var buffer = _readBuffer.AsMemory(0, read.RegisterCount);
            await _master.ReadInputRegistersAsync(UnitId, address, buffer, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < read.ChannelCount; i++)
            {
                channels[read.FirstChannel + i] = _status.Decode(_readBuffer.AsSpan(i * stride, _status.Span));
            }
        }

        return new UnitSnapshot(deviceTime, channels);
    }

    /// <summary>Loads a step into a channel and starts it, in one write so the device sees it atomically.</summary>
    public ValueTask StartStepAsync(int channel, StepCommand step, CancellationToken cancellationToken = default) =>
        WriteCommandAsync(channel, _command.EncodeStart(step), cancellationToken);

    /// <summary>Ends the channel's running step and turns its output off.</summary>
    public ValueTask StopAsync(int channel, CancellationToken cancellationToken = default) =>
        WriteSingleAsync(channel, _command.Command, (ushort)ChannelCommand.Stop, cancellationToken);

    /// <summary>Clears a latched device fault.</summary>
    public ValueTask ClearFaultAsync(int channel, CancellationToken cancellationToken = default) =>
        WriteSingleAsync(channel, _command.Command, (ushort)ChannelCommand.ClearFault, cancellationToken);

    /// <summary>Refreshes the unit's watchdog: a new heartbeat value each call.</summary>
    public ValueTask HeartbeatAsync(CancellationToken cancellationToken = default)
    {
        var field = Map.UnitField("heartbeat");
        return _master.WriteSingleRegisterAsync(UnitId, field.Offset, ++_heartbeat, cancellationToken);
    }

    /// <summary>Sets the unit's watchdog period; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public ValueTask ConfigureWatchdogAsync(TimeSpan period, CancellationToken cancellationToken = default)
    {
        var field = Map.UnitField("watchdogPeriod");
        var registers = new ushort[field.Length];
        field.Encode(period.TotalSeconds, registers);
        return _master.WriteMultipleRegistersAsync(UnitId, field.Offset, registers, cancellationToken);
    }

    private ValueTask WriteCommandAsync(int channel, ushort[] block, CancellationToken cancellationToken)
    {
        CheckChannel(channel);
        ushort address = (ushort)(Map.Channel.BaseOf(ModbusTable.HoldingRegisters, channel) + _command.FirstOffset);
        return _master.WriteMultipleRegistersAsync(UnitId, address, block, cancellationToken);
    }

    private ValueTask WriteSingleAsync(int channel, RegisterField field, ushort value, CancellationToken cancellationToken)
    {
        CheckChannel(channel);
        return _master.WriteSingleRegisterAsync(UnitId, Map.Channel.AddressOf(field, channel), value, cancellationToken);
    }

    private ValueTask ReadTableAsync(ModbusTable table, ushort address, ushort[] buffer, CancellationToken cancellationToken) =>
        table == ModbusTable.InputRegisters
            ? _master.ReadInputRegistersAsync(UnitId, address, buffer, cancellationToken)
            : _master.ReadHoldingRegistersAsync(UnitId, address, buffer, cancellationToken);

    private void CheckChannel(int channel)
    {
        if ((uint)channel >= (uint)ChannelCount)
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, $"Unit {UnitId} has channels 0 to {ChannelCount - 1}.");
        }
    }
}
