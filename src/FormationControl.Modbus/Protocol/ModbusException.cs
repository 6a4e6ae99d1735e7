namespace FormationControl.Modbus.Protocol;

/// <summary>The slave answered with an exception response (function code with bit 7 set, then a code).</summary>
public class ModbusException : Exception
{
    public ModbusException(byte functionCode, ModbusExceptionCode exceptionCode)
        : base($"Modbus exception {(byte)exceptionCode} ({exceptionCode}) for function {functionCode}")
    {
        FunctionCode = functionCode;
        ExceptionCode = exceptionCode;
    }

    /// <summary>The function code of the request (without the 0x80 exception bit).</summary>
    public byte FunctionCode { get; }

    /// <summary>The code the slave returned; it may be a value outside the named ones.</summary>
    public ModbusExceptionCode ExceptionCode { get; }
}
