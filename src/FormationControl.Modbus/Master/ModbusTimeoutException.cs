namespace FormationControl.Modbus.Master;

/// <summary>No matching response arrived within the request timeout (after all retries).</summary>
public class ModbusTimeoutException : TimeoutException
{
    public ModbusTimeoutException(byte unitId, byte functionCode, TimeSpan timeout)
        : base($"No response from unit {unitId} to function {functionCode} within {timeout.TotalMilliseconds:0.###} ms")
    {
        UnitId = unitId;
        FunctionCode = functionCode;
        Timeout = timeout;
    }

    public byte UnitId { get; }

    public byte FunctionCode { get; }

    /// <summary>The per-request timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
