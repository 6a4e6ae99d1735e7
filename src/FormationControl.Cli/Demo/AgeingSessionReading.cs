using FormationControl.Storage;

namespace FormationControl.Cli.Demo;

/// <summary>One cell measured at the OCV/IR station, and what the simulator says was really there at that instant.</summary>
/// <param name="Measurement">What is stored: the meter's OCV and ACIR, the station's temperature, the time.</param>
/// <param name="TrueOcvV">The cell's true open-circuit voltage.</param>
/// <param name="TrueR0Ohm">The cell's true series resistance (what a 1 kHz meter should read).</param>
public sealed record AgeingSessionReading(AgeingMeasurementRecord Measurement, double TrueOcvV, double TrueR0Ohm);
