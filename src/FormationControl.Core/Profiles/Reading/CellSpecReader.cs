using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>Reads and checks the "cell" section.</summary>
internal static class CellSpecReader
{
    public static readonly string[] Fields =
        ["$schema", "description", "chemistry", "nominalCapacity", "nominalVoltage", "minVoltage", "maxVoltage", "maxChargeCurrent", "maxDischargeCurrent", "maxTemperature"];

    /// <summary>
    /// The spec, null if anything in it is wrong; and the nominal capacity on its own, because C-rates all over
    /// the profile need it even when some other cell field is wrong.
    /// </summary>
    public static (CellSpec? Spec, double? NominalCapacityAh) Read(JsonSourceNode node, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(node, "the cell", Fields, diagnostics);
        if (fields is null)
        {
            return (null, null);
        }

        int before = diagnostics.Count;
        ReadString(fields.Optional("$schema"), diagnostics);
        ReadString(fields.Optional("description"), diagnostics);
        string? chemistry = ReadString(fields.Required("chemistry"), diagnostics);
        double? capacity = ReadPositive(fields, "nominalCapacity", Dimension.Capacity, diagnostics);
        double? nominal = ReadPositive(fields, "nominalVoltage", Dimension.Voltage, diagnostics);
        double? min = ReadPositive(fields, "minVoltage", Dimension.Voltage, diagnostics);
        double? max = ReadPositive(fields, "maxVoltage", Dimension.Voltage, diagnostics);
        if (min is { } lo && max is { } hi)
        {
            if (hi <= lo)
            {
                diagnostics.Report(fields.Optional("maxVoltage")!, $"must be above cell.minVoltage ({QuantityText.Volts(lo)})");
            }
            else if (nominal is { } v && (v <= lo || v >= hi))
            {
                diagnostics.Report(fields.Optional("nominalVoltage")!, $"must lie between cell.minVoltage ({QuantityText.Volts(lo)}) and cell.maxVoltage ({QuantityText.Volts(hi)})");
            }
        }

        double? maxCharge = ReadPositiveCurrent(fields, "maxChargeCurrent", capacity, diagnostics);
        double? maxDischarge = ReadPositiveCurrent(fields, "maxDischargeCurrent", capacity, diagnostics);
        double? maxTemperature = ReadValue(fields.Required("maxTemperature"), Dimension.Temperature, diagnostics);
        if (diagnostics.Count > before)
        {
            return (null, capacity);
        }

        return (new CellSpec(chemistry!, capacity!.Value, nominal!.Value, min!.Value, max!.Value, maxCharge!.Value, maxDischarge!.Value, maxTemperature!.Value), capacity);
    }

    private static double? ReadPositive(JsonFields fields, string name, Dimension dimension, DiagnosticList diagnostics)
    {
        var node = fields.Required(name);
        return Positive(node, ReadValue(node, dimension, diagnostics), diagnostics);
    }

    private static double? ReadPositiveCurrent(JsonFields fields, string name, double? capacity, DiagnosticList diagnostics)
    {
        var node = fields.Required(name);
        return Positive(node, ReadCurrentA(node, capacity, diagnostics), diagnostics);
    }
}
