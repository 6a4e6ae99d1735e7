using FormationControl.Modbus.Data;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Devices.RegisterMaps;

/// <summary>
/// One named value in a register map. The engineering value is <c>raw × Scale</c>, in <see cref="Unit"/>.
/// For a channel field <see cref="Offset"/> is relative to the channel's block.
/// </summary>
public sealed record RegisterField(
    string Name,
    ModbusTable Table,
    ushort Offset,
    RegisterType Type,
    double Scale,
    WordOrder WordOrder,
    FieldAccess Access,
    string? Unit)
{
    /// <summary>Registers the field occupies: 1 for 16-bit types, 2 for 32-bit ones.</summary>
    public int Length => Type is RegisterType.U16 or RegisterType.I16 ? 1 : 2;

    /// <summary>Decodes the engineering value from the field's registers.</summary>
    public double Decode(ReadOnlySpan<ushort> registers)
    {
        double raw = Type switch
        {
            RegisterType.U16 => registers[0],
            RegisterType.I16 => unchecked((short)registers[0]),
            RegisterType.U32 => RegisterValues.ReadUInt32(registers, WordOrder),
            RegisterType.I32 => RegisterValues.ReadInt32(registers, WordOrder),
            RegisterType.F32 => RegisterValues.ReadSingle(registers, WordOrder),
            _ => throw new InvalidOperationException($"Unknown register type {Type}."),
        };
        return raw * Scale;
    }

    /// <summary>
    /// Encodes an engineering value, rounding to the field's resolution and saturating at its range,
    /// as a 16-bit converter would.
    /// </summary>
    public void Encode(double value, Span<ushort> registers)
    {
        double raw = value / Scale;
        switch (Type)
        {
            case RegisterType.U16:
                registers[0] = (ushort)Math.Clamp(Math.Round(raw), ushort.MinValue, ushort.MaxValue);
                break;
            case RegisterType.I16:
                registers[0] = unchecked((ushort)(short)Math.Clamp(Math.Round(raw), short.MinValue, short.MaxValue));
                break;
            case RegisterType.U32:
                RegisterValues.WriteUInt32((uint)Math.Clamp(Math.Round(raw), uint.MinValue, uint.MaxValue), registers, WordOrder);
                break;
            case RegisterType.I32:
                RegisterValues.WriteInt32((int)Math.Clamp(Math.Round(raw), int.MinValue, int.MaxValue), registers, WordOrder);
                break;
            case RegisterType.F32:
                RegisterValues.WriteSingle((float)raw, registers, WordOrder);
                break;
            default:
                throw new InvalidOperationException($"Unknown register type {Type}.");
        }
    }
}
