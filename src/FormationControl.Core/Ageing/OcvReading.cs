namespace FormationControl.Core.Ageing;

/// <summary>An open-circuit voltage read at an instant and a cell temperature.</summary>
public readonly record struct OcvReading(DateTimeOffset Time, double OcvV, double TemperatureC);
