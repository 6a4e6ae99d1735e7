namespace FormationControl.Core.Profiles.Reading;

/// <summary>Which way current flows in a step type, which decides the cell rating its current is checked against.</summary>
internal enum CurrentDirection
{
    None,
    Charge,
    Discharge,
    Either,
}
