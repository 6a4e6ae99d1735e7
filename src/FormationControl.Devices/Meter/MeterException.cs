namespace FormationControl.Devices.Meter;

/// <summary>The meter refused a command or answered nonsense; the message names the device, the command and the meter's own error.</summary>
public sealed class MeterException : Exception
{
    public MeterException(string message, int? errorCode = null)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    public MeterException()
    {
    }

    public MeterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The SCPI error code from the meter's error queue (for example -222), when it gave one.</summary>
    public int? ErrorCode { get; }
}
