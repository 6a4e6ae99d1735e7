using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Devices.Cycler;

/// <summary>The status fields of a channel block, resolved once from the map so decoding a poll does no lookups.</summary>
internal sealed class ChannelStatusLayout
{
    private readonly RegisterField _state, _sequence, _mode, _endReason, _fault, _voltage, _current, _temperature, _stepTime, _stepAh, _stepWh;
    private readonly RegisterField? _contact, _endVoltage, _endCurrent, _endTemperature;

    public ChannelStatusLayout(ChannelBlock block)
    {
        _state = Status(block, "state");
        _sequence = Status(block, "stepSequence");
        _mode = Status(block, "activeMode");
        _endReason = Status(block, "endReason");
        _fault = Status(block, "faultCode");
        _voltage = Status(block, "voltage");
        _current = Status(block, "current");
        _temperature = Status(block, "temperature");
        _stepTime = Status(block, "stepTime");
        _stepAh = Status(block, "stepAh");
        _stepWh = Status(block, "stepWh");
        _contact = Optional(block, "contact");
        _endVoltage = Optional(block, "endVoltage");
        _endCurrent = Optional(block, "endCurrent");
        _endTemperature = Optional(block, "endTemperature");
        Span = block.SpanOf(ModbusTable.InputRegisters);
    }

    /// <summary>Input registers one channel's status occupies from its block start.</summary>
    public int Span { get; }

    public ChannelStatus Decode(ReadOnlySpan<ushort> block) => new(
        (ChannelDeviceState)Read(_state, block),
        (ushort)Read(_sequence, block),
        (ChannelMode)Read(_mode, block),
        (DeviceEndReason)Read(_endReason, block),
        (DeviceFaultCode)Read(_fault, block),
        Read(_voltage, block),
        Read(_current, block),
        Read(_temperature, block),
        Read(_stepTime, block),
        Read(_stepAh, block),
        Read(_stepWh, block),
        _contact is null || Read(_contact, block) != 0,
        _endVoltage is null ? null : Read(_endVoltage, block),
        _endCurrent is null ? null : Read(_endCurrent, block),
        _endTemperature is null ? null : Read(_endTemperature, block));

    private static double Read(RegisterField field, ReadOnlySpan<ushort> block) =>
        field.Decode(block.Slice(field.Offset, field.Length));

    private static RegisterField? Optional(ChannelBlock block, string name) =>
        block.TryGetField(name, out var field) ? field : null;

    private static RegisterField Status(ChannelBlock block, string name)
    {
        var field = block.Field(name);
        return field.Table == ModbusTable.InputRegisters
            ? field
            : throw new RegisterMapException($"Channel field '{name}' must be an input register, not {field.Table}.");
    }
}
