namespace FormationControl.Simulator.Cells;

/// <summary>e^(−t/τ1) and e^(−t/τ2) at one instant of a path: computed once and shared by everything evaluated there.</summary>
internal readonly record struct RelaxationDecays(double E1, double E2);
