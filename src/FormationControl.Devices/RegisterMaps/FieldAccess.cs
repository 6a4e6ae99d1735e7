namespace FormationControl.Devices.RegisterMaps;

/// <summary>Who may write a field: status fields are read-only to the master.</summary>
public enum FieldAccess
{
    Read,
    ReadWrite,
}
