namespace FormationControl.Core.Sequencing;

/// <summary>
/// What the cell showed when the step ended: the values an until-loop's condition is checked on when that step closes
/// a pass through the loop body.
/// </summary>
/// <param name="VoltageV">Cell voltage at the end of the step.</param>
/// <param name="TemperatureC">Cell temperature at the end of the step, °C.</param>
public readonly record struct StepEndReading(double VoltageV, double TemperatureC)
{
    /// <summary>No reading (NaN): an until condition never holds on it. Only for profiles without until-loops.</summary>
    public static StepEndReading None { get; } = new(double.NaN, double.NaN);
}
