namespace FormationControl.Storage;

/// <summary>
/// One cell on one channel running one profile version: the unit every sample, step result and grade
/// points back to.
/// </summary>
/// <param name="Id">Assigned by the store (<see cref="FormationStore.StartRunAsync"/>); ignored on start.</param>
/// <param name="CellId">The cell's barcode or serial.</param>
/// <param name="Lot">Production lot, if known.</param>
/// <param name="UnitName">The cycler unit the channel belongs to.</param>
/// <param name="Channel">Channel number on that unit.</param>
/// <param name="ProfileName">Name of the formation profile.</param>
/// <param name="ProfileVersion">Version of the profile.</param>
/// <param name="ProfileHash">Hash of the validated profile, so the exact recipe can be proven later.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="EndedAt">When it ended; null while running.</param>
/// <param name="Status">Where the run stands.</param>
/// <param name="EndNote">Why it ended (operator note, fault text); null while running.</param>
public sealed record RunRecord(
    long Id,
    string CellId,
    string? Lot,
    string UnitName,
    int Channel,
    string ProfileName,
    string ProfileVersion,
    string ProfileHash,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    RunStatus Status,
    string? EndNote);
