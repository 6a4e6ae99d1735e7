using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Devices.Cycler;

/// <summary>
/// The command fields of a channel block, resolved once. A start is encoded as one contiguous block from
/// the first command field to the <c>command</c> register, so one FC16 write loads and starts the step.
/// </summary>
internal sealed class ChannelCommandLayout
{
    private readonly RegisterField _mode, _current, _voltage, _cutoffVoltage, _cutoffCurrent, _cutoffTime, _cutoffAh;
    private readonly RegisterField? _power, _resistance;

    public ChannelCommandLayout(ChannelBlock block)
    {
        _mode = Holding(block, "mode");
        _current = Holding(block, "currentSetpoint");
        _voltage = Holding(block, "voltageSetpoint");
        _cutoffVoltage = Holding(block, "cutoffVoltage");
        _cutoffCurrent = Holding(block, "cutoffCurrent");
        _cutoffTime = Holding(block, "cutoffTime");
        _cutoffAh = Holding(block, "cutoffAh");
        Command = Holding(block, "command");
        _power = block.TryGetField("powerSetpoint", out var p) ? p : null;
        _resistance = block.TryGetField("resistanceSetpoint", out var r) ? r : null;
        RegisterField[] all = [_mode, _current, _voltage, _cutoffVoltage, _cutoffCurrent, _cutoffTime, _cutoffAh, Command, .. new[] { _power, _resistance }.OfType<RegisterField>()];
        FirstOffset = all.Min(f => f.Offset);
        Length = all.Max(f => f.Offset + f.Length) - FirstOffset;
        if (Command.Offset + Command.Length != FirstOffset + Length)
        {
            // The device acts when the command register is written: it must come last in the block.
            throw new RegisterMapException("The 'command' field must follow every other command field.");
        }
    }

    public RegisterField Command { get; }

    public ushort FirstOffset { get; }

    public int Length { get; }

    public ushort[] EncodeStart(StepCommand step)
    {
        var block = new ushort[Length];
        Put(block, _mode, (double)step.Mode);
        Put(block, _current, Math.Abs(step.CurrentA));
        Put(block, _voltage, step.VoltageV);
        Put(block, _cutoffVoltage, step.CutoffVoltageV ?? 0);
        Put(block, _cutoffCurrent, Math.Abs(step.CutoffCurrentA ?? 0));
        Put(block, _cutoffTime, step.CutoffTime?.TotalSeconds ?? 0);
        Put(block, _cutoffAh, Math.Abs(step.CutoffAh ?? 0));
        PutOptional(block, _power, Math.Abs(step.PowerW), "powerSetpoint", "constant-power");
        PutOptional(block, _resistance, Math.Abs(step.ResistanceOhm), "resistanceSetpoint", "constant-resistance");
        Put(block, Command, (double)ChannelCommand.Start);
        return block;
    }

    // A map without the field describes a cycler that cannot run that kind of step: zero is fine, anything else is not.
    private void PutOptional(ushort[] block, RegisterField? field, double value, string name, string kind)
    {
        if (field is not null)
        {
            Put(block, field, value);
        }
        else if (value != 0)
        {
            throw new RegisterMapException($"This cycler's register map has no {name}: it cannot run {kind} steps.");
        }
    }

    private void Put(ushort[] block, RegisterField field, double value) =>
        field.Encode(value, block.AsSpan(field.Offset - FirstOffset, field.Length));

    private static RegisterField Holding(ChannelBlock block, string name)
    {
        var field = block.Field(name);
        return field.Table == ModbusTable.HoldingRegisters && field.Access == FieldAccess.ReadWrite
            ? field
            : throw new RegisterMapException($"Channel field '{name}' must be a read-write holding register.");
    }
}
