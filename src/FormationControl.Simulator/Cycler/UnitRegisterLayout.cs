using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Simulator.Cycler;

/// <summary>The unit-level fields of a register map, resolved once, and the address ranges they occupy.</summary>
internal sealed class UnitRegisterLayout
{
    private readonly RegisterField[] _input;

    public UnitRegisterLayout(RegisterMap map)
    {
        _input = [.. map.UnitFields.Where(f => f.Table == ModbusTable.InputRegisters)];
        Heartbeat = map.TryGetUnitField("heartbeat", out var heartbeat) ? heartbeat : null;
        WatchdogPeriod = map.TryGetUnitField("watchdogPeriod", out var period) ? period : null;
        InputRange = RangeOf(map, ModbusTable.InputRegisters);
        HoldingRange = RangeOf(map, ModbusTable.HoldingRegisters);
    }

    public RegisterField? Heartbeat { get; }

    public RegisterField? WatchdogPeriod { get; }

    /// <summary>Addresses of the unit's input fields (gaps between them read as 0).</summary>
    public AddressRange InputRange { get; }

    /// <summary>Addresses of the unit's holding fields (plain storage).</summary>
    public AddressRange HoldingRange { get; }

    /// <summary>Encodes the unit's input fields into a block that starts at <see cref="InputRange"/>.Start.</summary>
    public void WriteStatus(Span<ushort> block, ushort vendorCode, ushort mapVersion, int channelCount, double deviceTimeS, double ambientC)
    {
        foreach (var field in _input)
        {
            double value = field.Name switch
            {
                "vendorCode" => vendorCode,
                "mapVersion" => mapVersion,
                "channelCount" => channelCount,
                "deviceTime" => deviceTimeS,
                "ambientTemperature" => ambientC,
                _ => 0,
            };
            field.Encode(value, block.Slice(field.Offset - InputRange.Start, field.Length));
        }
    }

    private static AddressRange RangeOf(RegisterMap map, ModbusTable table)
    {
        var fields = map.UnitFields.Where(f => f.Table == table).ToList();
        return fields.Count == 0 ? AddressRange.Empty : new AddressRange(fields.Min(f => f.Offset), fields.Max(f => f.Offset + f.Length));
    }
}
