namespace FormationControl.Controller.Grading;

/// <summary>One module's cells (series × parallel of them) and how far apart they are.</summary>
public sealed record MatchedModule(int Number, IReadOnlyList<MatchCell> Cells)
{
    /// <summary>Max − min capacity, in Ah.</summary>
    public double CapacitySpreadAh => Cells.Max(c => c.CapacityAh) - Cells.Min(c => c.CapacityAh);

    /// <summary>Max − min resistance, in Ω.</summary>
    public double ResistanceSpreadOhm => Cells.Max(c => c.ResistanceOhm) - Cells.Min(c => c.ResistanceOhm);
}
