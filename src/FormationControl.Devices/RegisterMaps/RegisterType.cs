namespace FormationControl.Devices.RegisterMaps;

/// <summary>How a field's raw value is encoded in registers.</summary>
public enum RegisterType
{
    U16,
    I16,
    U32,
    I32,
    F32,
}
