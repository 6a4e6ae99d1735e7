namespace FormationControl.Modbus.Data;

/// <summary>
/// How a 32-bit value is laid over two 16-bit registers. Letters name the value's bytes from most (A)
/// to least (D) significant, in the order they travel: ABCD is big-endian with the high word first.
/// </summary>
public enum WordOrder
{
    /// <summary>High word first, each word big-endian (the Modbus convention).</summary>
    ABCD,

    /// <summary>Low word first, each word big-endian ("word swap", common on PLCs).</summary>
    CDAB,

    /// <summary>High word first, bytes swapped within each word.</summary>
    BADC,

    /// <summary>Low word first, bytes swapped within each word (little-endian).</summary>
    DCBA,
}
