using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>Reads and checks the "safety" section.</summary>
internal static class SafetyLimitsReader
{
    public static readonly string[] Fields =
        ["minVoltage", "maxVoltage", "maxCurrent", "maxTemperature", "maxStepDuration", "maxTotalDuration", "onCommLoss"];

    /// <summary>The limits, or null if anything in them is wrong. <paramref name="cell"/> is null when the cell section is wrong.</summary>
    public static SafetyLimits? Read(JsonSourceNode node, double? nominalCapacityAh, CellSpec? cell, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(node, "the safety section", Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        int before = diagnostics.Count;
        var minNode = fields.Required("minVoltage");
        var maxNode = fields.Required("maxVoltage");
        double? min = Positive(minNode, ReadValue(minNode, Dimension.Voltage, diagnostics), diagnostics);
        double? max = Positive(maxNode, ReadValue(maxNode, Dimension.Voltage, diagnostics), diagnostics);
        if (min is { } lo && max is { } hi && hi <= lo)
        {
            diagnostics.Report(maxNode!, $"must be above safety.minVoltage ({QuantityText.Volts(lo)})");
        }

        var currentNode = fields.Required("maxCurrent");
        double? maxCurrent = Positive(currentNode, ReadCurrentA(currentNode, nominalCapacityAh, diagnostics), diagnostics);

        var temperatureNode = fields.Required("maxTemperature");
        double? maxTemperature = ReadValue(temperatureNode, Dimension.Temperature, diagnostics);
        if (maxTemperature > cell?.MaxTemperatureC)
        {
            // The fault has to latch before the cell's own rating is exceeded.
            diagnostics.Report(temperatureNode!, $"must not exceed cell.maxTemperature ({QuantityText.Celsius(cell.MaxTemperatureC)})");
        }

        var stepNode = fields.Optional("maxStepDuration");
        var totalNode = fields.Optional("maxTotalDuration");
        double? maxStep = Positive(stepNode, ReadValue(stepNode, Dimension.Time, diagnostics), diagnostics);
        double? maxTotal = Positive(totalNode, ReadValue(totalNode, Dimension.Time, diagnostics), diagnostics);
        if (maxStep is { } step && maxTotal is { } total && step > total)
        {
            diagnostics.Report(stepNode!, $"must not exceed safety.maxTotalDuration ({QuantityText.Duration(total)})");
        }

        var commLossNode = fields.Optional("onCommLoss");
        string? onCommLoss = commLossNode is null ? "fault" : ReadString(commLossNode, diagnostics);
        if (commLossNode is not null && onCommLoss is not (null or "fault" or "resume"))
        {
            diagnostics.Report(commLossNode, $"must be \"fault\" or \"resume\", not \"{onCommLoss}\"");
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        return new SafetyLimits(
            min!.Value,
            max!.Value,
            maxCurrent!.Value,
            maxTemperature!.Value,
            maxStep is { } s ? TimeSpan.FromSeconds(s) : null,
            maxTotal is { } t ? TimeSpan.FromSeconds(t) : null,
            onCommLoss == "resume");
    }
}
