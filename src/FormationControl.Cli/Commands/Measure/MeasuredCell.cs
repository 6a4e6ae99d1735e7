namespace FormationControl.Cli.Commands.Measure;

/// <summary>One tray position of a session: where it was measured, what was read, and the K-value against the cell's earlier session.</summary>
/// <param name="Position">Tray position (from the tray file).</param>
/// <param name="Channel">Multiplexer channel: position + channel offset.</param>
/// <param name="CellId">The cell's barcode.</param>
/// <param name="Status">Measured, open or failed.</param>
/// <param name="OcvV">Open-circuit voltage in volts; null when failed.</param>
/// <param name="AcirOhm">1 kHz AC resistance in ohms; null when open or failed.</param>
/// <param name="KMvPerDay">Self-discharge since <paramref name="EarlierSession"/> in mV/day, temperature-compensated; null without an earlier session.</param>
/// <param name="EarlierSession">The cell's latest earlier session K was taken against.</param>
/// <param name="Problem">Why the position failed (the meter's error), or why K could not be computed.</param>
public sealed record MeasuredCell(
    int Position,
    int Channel,
    string CellId,
    MeasuredCellStatus Status,
    double? OcvV,
    double? AcirOhm,
    double? KMvPerDay,
    string? EarlierSession,
    string? Problem);
