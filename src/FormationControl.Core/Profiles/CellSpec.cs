namespace FormationControl.Core.Profiles;

/// <summary>The cell a profile is written for: its ratings, which every step setpoint and limit must respect.</summary>
/// <param name="Chemistry">Free text such as "NMC", "LFP".</param>
/// <param name="NominalCapacityAh">Rated capacity; C-rates in the profile are multiples of it.</param>
/// <param name="NominalVoltageV">Rated (mid) voltage.</param>
/// <param name="MinVoltageV">Lowest voltage the cell may be discharged to.</param>
/// <param name="MaxVoltageV">Highest voltage the cell may be charged to.</param>
/// <param name="MaxChargeCurrentA">Highest continuous charge current (magnitude).</param>
/// <param name="MaxDischargeCurrentA">Highest continuous discharge current (magnitude).</param>
/// <param name="MaxTemperatureC">Highest cell temperature, °C.</param>
public sealed record CellSpec(
    string Chemistry,
    double NominalCapacityAh,
    double NominalVoltageV,
    double MinVoltageV,
    double MaxVoltageV,
    double MaxChargeCurrentA,
    double MaxDischargeCurrentA,
    double MaxTemperatureC);
