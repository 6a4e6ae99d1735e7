using FormationControl.Core.Grading;

namespace FormationControl.Controller.Grading;

/// <summary>What was measured of one cell of a lot, and the run it comes from.</summary>
/// <param name="CellId">The cell's barcode.</param>
/// <param name="RunId">The run the step results come from (the cell's latest completed run, else its latest run).</param>
/// <param name="Inputs">The measured inputs the recipe declares.</param>
/// <param name="RunNote">Why the run did not complete; null for a completed run.</param>
public sealed record CellInputs(string CellId, long RunId, GradeInputs Inputs, string? RunNote = null);
