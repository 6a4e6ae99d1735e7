namespace FormationControl.Storage;

/// <summary>One cell measured in one ageing session at an OCV/IR station (or on a cycler channel).</summary>
/// <param name="Id">Assigned by the store; ignored when recording.</param>
/// <param name="CellId">The cell's barcode.</param>
/// <param name="Session">Name of the session, e.g. "ocv1", "ocv2".</param>
/// <param name="Station">The station (meter, multiplexer) or channel that measured it.</param>
/// <param name="MeasuredAt">When the cell was measured.</param>
/// <param name="OcvV">Open-circuit voltage in volts.</param>
/// <param name="AcirOhm">1 kHz AC resistance in ohms, if measured.</param>
/// <param name="TemperatureC">Cell (or ambient) temperature in °C at the measurement.</param>
public sealed record AgeingMeasurementRecord(
    long Id,
    string CellId,
    string Session,
    string Station,
    DateTimeOffset MeasuredAt,
    double OcvV,
    double? AcirOhm,
    double TemperatureC);
