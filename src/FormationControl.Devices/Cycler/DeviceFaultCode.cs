namespace FormationControl.Devices.Cycler;

/// <summary>Latched protection that tripped, in the <c>faultCode</c> register.</summary>
public enum DeviceFaultCode : ushort
{
    None = 0,
    OverVoltage = 1,
    UnderVoltage = 2,
    OverCurrent = 3,
    OverTemperature = 4,
    ContactFault = 5,
}
