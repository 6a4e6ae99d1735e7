namespace FormationControl.Controller.Configuration;

/// <summary>Modbus RTU on a serial line.</summary>
/// <param name="Device">The serial device ("/dev/ttyUSB0", "COM3").</param>
/// <param name="BaudRate">Bits per second.</param>
/// <param name="Parity">"none", "even" or "odd".</param>
/// <param name="DataBits">7 or 8.</param>
/// <param name="StopBits">1 or 2.</param>
public sealed record SerialTransport(string Device, int BaudRate, string Parity, int DataBits, int StopBits) : UnitTransport
{
    public override string ToString() => $"{Device} {BaudRate} {DataBits}{char.ToUpperInvariant(Parity[0])}{StopBits}";
}
