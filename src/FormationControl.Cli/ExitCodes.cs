namespace FormationControl.Cli;

/// <summary>Process exit statuses of <c>fc</c>, stable for scripts.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Bad arguments, or an input file (profile, recipe, map) that does not validate.</summary>
    public const int UsageOrValidation = 1;

    /// <summary>The device answered with a Modbus exception.</summary>
    public const int ModbusException = 2;

    /// <summary>No answer, a lost connection, or another I/O failure.</summary>
    public const int DeviceOrIo = 3;
}
