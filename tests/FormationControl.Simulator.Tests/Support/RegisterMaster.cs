using FormationControl.Devices.Cycler;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Slave;

namespace FormationControl.Simulator.Tests.Support;

/// <summary>
/// Talks to a data store the way a Modbus master would: through register reads and writes laid out by the
/// register map, never through the simulator's objects.
/// </summary>
internal sealed class RegisterMaster(IModbusDataStore store, byte unitId, RegisterMap map)
{
    private readonly ChannelBlock _block = map.Channel;

    public RegisterMap Map => map;

    /// <summary>Writes a channel's whole command block, with Start, in one request.</summary>
    public void StartStep(
        int channel,
        ChannelMode mode,
        double currentA = 0,
        double voltageV = 0,
        double cutoffVoltageV = 0,
        double cutoffCurrentA = 0,
        double cutoffTimeS = 0,
        double cutoffAh = 0,
        double powerW = 0,
        double resistanceOhm = 0)
    {
        var command = _block.Field("command");
        var block = new ushort[command.Offset + command.Length];
        Put(block, "mode", (double)mode);
        Put(block, "currentSetpoint", currentA);
        Put(block, "voltageSetpoint", voltageV);
        Put(block, "cutoffVoltage", cutoffVoltageV);
        Put(block, "cutoffCurrent", cutoffCurrentA);
        Put(block, "cutoffTime", cutoffTimeS);
        Put(block, "cutoffAh", cutoffAh);
        Put(block, "powerSetpoint", powerW);
        Put(block, "resistanceSetpoint", resistanceOhm);
        Put(block, "command", (double)ChannelCommand.Start);
        Assert.Null(store.WriteRegisters(unitId, _block.BaseOf(ModbusTable.HoldingRegisters, channel), block));
    }

    public ModbusExceptionCode? Command(int channel, ChannelCommand command) =>
        WriteChannelField(channel, "command", (double)command);

    public ModbusExceptionCode? WriteChannelField(int channel, string name, double value)
    {
        var field = _block.Field(name);
        var registers = new ushort[field.Length];
        field.Encode(value, registers);
        return store.WriteRegisters(unitId, _block.AddressOf(field, channel), registers);
    }

    public double ReadChannelField(int channel, string name)
    {
        var field = _block.Field(name);
        var registers = new ushort[field.Length];
        Assert.Null(store.ReadRegisters(unitId, field.Table, _block.AddressOf(field, channel), registers));
        return field.Decode(registers);
    }

    public ModbusExceptionCode? WriteUnitField(string name, double value)
    {
        var field = map.UnitField(name);
        var registers = new ushort[field.Length];
        field.Encode(value, registers);
        return store.WriteRegisters(unitId, field.Offset, registers);
    }

    public double ReadUnitField(string name)
    {
        var field = map.UnitField(name);
        var registers = new ushort[field.Length];
        Assert.Null(store.ReadRegisters(unitId, field.Table, field.Offset, registers));
        return field.Decode(registers);
    }

    /// <summary>Reads a channel's status block in one request and decodes it.</summary>
    public ChannelReading Read(int channel)
    {
        var registers = new ushort[_block.SpanOf(ModbusTable.InputRegisters)];
        Assert.Null(store.ReadRegisters(unitId, ModbusTable.InputRegisters, _block.BaseOf(ModbusTable.InputRegisters, channel), registers));
        double Get(string name)
        {
            var f = _block.Field(name);
            return f.Decode(registers.AsSpan(f.Offset, f.Length));
        }

        return new ChannelReading(
            (ChannelDeviceState)(ushort)Get("state"),
            (ushort)Get("stepSequence"),
            (ChannelMode)(ushort)Get("activeMode"),
            (DeviceEndReason)(ushort)Get("endReason"),
            (DeviceFaultCode)(ushort)Get("faultCode"),
            Get("voltage"),
            Get("current"),
            Get("temperature"),
            Get("stepTime"),
            Get("stepAh"),
            Get("stepWh"),
            (int)Get("contact"));
    }

    private void Put(ushort[] block, string name, double value)
    {
        var f = _block.Field(name);
        f.Encode(value, block.AsSpan(f.Offset, f.Length));
    }
}
