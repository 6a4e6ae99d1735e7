using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>Reads a "logging" object, at profile level or inside a step.</summary>
internal static class LoggingCriteriaReader
{
    public static readonly string[] Fields = ["interval", "deltaVoltage", "deltaCurrent"];

    /// <summary>The criteria, or null if anything is wrong; at least one criterion is required.</summary>
    public static LoggingCriteria? Read(JsonSourceNode node, string what, double? nominalCapacityAh, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(node, what, Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        int before = diagnostics.Count;
        if (!Fields.Any(fields.Has))
        {
            diagnostics.Report(node, $"{what} needs at least one of: {string.Join(", ", Fields)}");
            return null;
        }

        var intervalNode = fields.Optional("interval");
        var voltageNode = fields.Optional("deltaVoltage");
        var currentNode = fields.Optional("deltaCurrent");
        double? interval = Positive(intervalNode, ReadValue(intervalNode, Dimension.Time, diagnostics), diagnostics);
        double? deltaVoltage = Positive(voltageNode, ReadValue(voltageNode, Dimension.Voltage, diagnostics), diagnostics);
        double? deltaCurrent = Positive(currentNode, ReadCurrentA(currentNode, nominalCapacityAh, diagnostics), diagnostics);
        if (diagnostics.Count > before)
        {
            return null;
        }

        return new LoggingCriteria(interval is { } s ? TimeSpan.FromSeconds(s) : null, deltaVoltage, deltaCurrent);
    }
}
