namespace FormationControl.Simulator.Cells;

/// <summary>Manufacturing defect of a simulated cell, part of its ground truth.</summary>
public enum CellDefect
{
    /// <summary>A good cell.</summary>
    None = 0,

    /// <summary>An internal micro-short: self-discharge tens to hundreds of times the normal rate (a high K value).</summary>
    MicroShort = 1,

    /// <summary>High internal resistance (R0 and R1 raised), e.g. a poor internal weld or a dry spot.</summary>
    HighResistance = 2,

    /// <summary>A dead or open cell: no current can flow, the channel reads about 0 V and its contact check fails.</summary>
    Dead = 3,

    /// <summary>Poor contact between the cell and the channel's fixture: extra series resistance, and the contact check fails.</summary>
    PoorContact = 4,
}
