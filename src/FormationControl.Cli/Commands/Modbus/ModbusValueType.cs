namespace FormationControl.Cli.Commands.Modbus;

/// <summary>How register contents are read and written on the command line (<c>--type</c>).</summary>
public enum ModbusValueType
{
    /// <summary>One register, 0..65535.</summary>
    U16,

    /// <summary>One register, -32768..32767.</summary>
    I16,

    /// <summary>Two registers, 0..4294967295, in the <c>--word-order</c>.</summary>
    U32,

    /// <summary>Two registers, signed, in the <c>--word-order</c>.</summary>
    I32,

    /// <summary>Two registers, IEEE 754 single precision, in the <c>--word-order</c>.</summary>
    F32,
}
