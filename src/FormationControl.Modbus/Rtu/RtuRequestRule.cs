using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Rtu;

/// <summary>
/// Request lengths as a slave sees them, for any unit (frames for other units must be stepped over whole):
/// functions 1 to 6 are 8 bytes, 15 and 16 carry a byte count at offset 6, 23 at offset 10. Any other function
/// code cannot be measured; the frame ends at the next silence on the line and is then answered with
/// exception 1 if its CRC holds.
/// </summary>
internal readonly struct RtuRequestRule : IRtuFrameRule
{
    public bool FramesAtSilence => true;

    public int FrameLength(ReadOnlySpan<byte> candidate)
    {
        if (candidate.Length < 2)
        {
            return RtuFrameLength.NeedMoreBytes;
        }

        switch ((ModbusFunctionCode)candidate[1])
        {
            case ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs
                or ModbusFunctionCode.ReadHoldingRegisters or ModbusFunctionCode.ReadInputRegisters
                or ModbusFunctionCode.WriteSingleCoil or ModbusFunctionCode.WriteSingleRegister:
                return 8;
            case ModbusFunctionCode.WriteMultipleCoils or ModbusFunctionCode.WriteMultipleRegisters:
                return candidate.Length < 7 ? RtuFrameLength.NeedMoreBytes : 9 + candidate[6];
            case ModbusFunctionCode.ReadWriteMultipleRegisters:
                return candidate.Length < 11 ? RtuFrameLength.NeedMoreBytes : 13 + candidate[10];
            default:
                return RtuFrameLength.NeedMoreBytes;
        }
    }
}
