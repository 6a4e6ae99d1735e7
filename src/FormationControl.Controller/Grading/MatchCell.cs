namespace FormationControl.Controller.Grading;

/// <summary>A graded cell as module matching sees it.</summary>
/// <param name="CellId">The cell's barcode.</param>
/// <param name="CapacityAh">Measured capacity.</param>
/// <param name="ResistanceOhm">DCIR (ACIR when no DCIR was measured).</param>
public readonly record struct MatchCell(string CellId, double CapacityAh, double ResistanceOhm);
