namespace FormationControl.Cli.Commands.Measure;

/// <summary>What came of one tray position.</summary>
public enum MeasuredCellStatus
{
    /// <summary>OCV and ACIR read and stored.</summary>
    Measured,

    /// <summary>The meter saw no cell (resistance overflow): stored with its voltage and no ACIR.</summary>
    Open,

    /// <summary>The meter refused or failed this channel; nothing stored for the cell.</summary>
    Failed,
}
