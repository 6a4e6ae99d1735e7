namespace FormationControl.Cli.Commands.Measure;

/// <summary>Exit statuses of <c>fc measure</c>, stable for scripts.</summary>
public static class MeasureExitCodes
{
    /// <summary>Every cell of the tray was measured and none is open.</summary>
    public const int AllMeasured = 0;

    /// <summary>Bad arguments, tray file or store path; nothing was measured.</summary>
    public const int BadInput = 1;

    /// <summary>The meter cannot be opened, does not answer, or vanished during the session (what was measured is stored).</summary>
    public const int MeterUnreachable = 2;

    /// <summary>Some cells were not measured (a meter error on their channel) or are open, or the store failed.</summary>
    public const int SomeCellsFailed = 3;
}
