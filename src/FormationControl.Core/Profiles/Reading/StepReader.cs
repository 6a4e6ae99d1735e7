using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using FormationControl.Core.Text;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// Reads one step: its type, the setpoints that type needs (and no others), its limits and optional logging,
/// and checks setpoints against the cell ratings and safety limits.
/// </summary>
internal static class StepReader
{
    public static readonly string[] Fields = ["label", "type", "description", "current", "voltage", "limits", "logging"];

    /// <summary>The step, or null if anything in it is wrong. <paramref name="label"/> was read and checked by <see cref="StepLabels"/>.</summary>
    public static ProfileStep? Read(JsonSourceNode node, int index, string? label, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        var fields = JsonFields.Open(node, "a step", Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        int before = diagnostics.Count;
        var rule = ReadType(fields, diagnostics);
        ReadString(fields.Optional("description"), diagnostics);
        double? currentA = ReadCurrent(fields, rule, context);
        double? voltageV = ReadVoltage(fields, rule, context);
        var limits = ReadLimits(fields, rule, currentA, context);
        var loggingNode = fields.Optional("logging");
        var logging = loggingNode is null ? null : LoggingCriteriaReader.Read(loggingNode, "the step's logging", context.NominalCapacityAh, diagnostics);
        if (diagnostics.Count > before || rule is null || limits is null)
        {
            return null;
        }

        return new ProfileStep(index, label, rule.Type, currentA, voltageV, limits, logging) { Location = node.Location };
    }

    private static StepTypeRule? ReadType(JsonFields fields, DiagnosticList diagnostics)
    {
        var node = fields.Required("type", $"({string.Join(", ", ProfileJsonNames.StepTypes)})");
        string? name = ReadString(node, diagnostics);
        if (name is null)
        {
            return null;
        }

        if (ProfileJsonNames.TryParseStepType(name, out var type))
        {
            return StepTypeRule.For(type);
        }

        string hint = SpellingSuggestion.Closest(name, ProfileJsonNames.StepTypes) is { } s
            ? $"; did you mean '{s}'?"
            : $"; expected one of: {string.Join(", ", ProfileJsonNames.StepTypes)}";
        diagnostics.Report(node!, $"unknown step type '{name}'{hint}");
        return null;
    }

    private static double? ReadCurrent(JsonFields fields, StepTypeRule? rule, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        var node = fields.Optional("current");
        if (rule is { UsesCurrent: false })
        {
            if (node is not null)
            {
                diagnostics.Report(node, rule.NoCurrentReason);
            }

            return null;
        }

        node ??= rule is null ? null : fields.Required("current", $"(a {rule.Name} step runs at a set current, e.g. \"C/10\" or \"10 A\")");
        if (node is null || ReadCurrentA(node, context.NominalCapacityAh, diagnostics) is not { } amps)
        {
            return null;
        }

        if (amps <= 0)
        {
            diagnostics.Report(node, "the current is a magnitude and must be greater than zero; the step type gives the direction");
            return null;
        }

        var cell = context.Cell;
        if (rule?.Direction == CurrentDirection.Charge && amps > cell?.MaxChargeCurrentA)
        {
            diagnostics.Report(node, $"{QuantityText.Amps(amps)} exceeds cell.maxChargeCurrent ({QuantityText.Amps(cell.MaxChargeCurrentA)})");
        }
        else if (rule?.Direction == CurrentDirection.Discharge && amps > cell?.MaxDischargeCurrentA)
        {
            diagnostics.Report(node, $"{QuantityText.Amps(amps)} exceeds cell.maxDischargeCurrent ({QuantityText.Amps(cell.MaxDischargeCurrentA)})");
        }
        else if (amps >= context.Safety?.MaxCurrentA)
        {
            diagnostics.Report(node, $"{QuantityText.Amps(amps)} reaches safety.maxCurrent ({QuantityText.Amps(context.Safety.MaxCurrentA)}): the channel would fault");
        }

        return amps;
    }

    private static double? ReadVoltage(JsonFields fields, StepTypeRule? rule, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        var node = fields.Optional("voltage");
        if (rule is { UsesVoltage: false })
        {
            if (node is not null)
            {
                diagnostics.Report(node, rule.NoVoltageReason);
            }

            return null;
        }

        node ??= rule is null ? null : fields.Required("voltage", $"(the voltage a {rule.Name} step holds, e.g. \"4.2 V\")");
        if (node is null || Positive(node, ReadValue(node, Dimension.Voltage, diagnostics), diagnostics) is not { } volts)
        {
            return null;
        }

        var (cell, safety) = (context.Cell, context.Safety);
        if (volts > cell?.MaxVoltageV)
        {
            diagnostics.Report(node, $"{QuantityText.Volts(volts)} is above cell.maxVoltage ({QuantityText.Volts(cell.MaxVoltageV)})");
        }
        else if (volts < cell?.MinVoltageV)
        {
            diagnostics.Report(node, $"{QuantityText.Volts(volts)} is below cell.minVoltage ({QuantityText.Volts(cell.MinVoltageV)})");
        }
        else if (volts >= safety?.MaxVoltageV)
        {
            diagnostics.Report(node, $"{QuantityText.Volts(volts)} reaches safety.maxVoltage ({QuantityText.Volts(safety.MaxVoltageV)}): the channel would fault");
        }
        else if (volts <= safety?.MinVoltageV)
        {
            diagnostics.Report(node, $"{QuantityText.Volts(volts)} reaches safety.minVoltage ({QuantityText.Volts(safety.MinVoltageV)}): the channel would fault");
        }

        return volts;
    }

    private static List<StepLimit>? ReadLimits(JsonFields fields, StepTypeRule? rule, double? currentA, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        string why = rule is null ? "(at least one limit must end the step)" : $"(a {rule.Name} step ends on {rule.EndingText})";
        var node = fields.Required("limits", why);
        if (node is null)
        {
            return null;
        }

        if (node is not JsonSourceArray array)
        {
            diagnostics.Report(node, $"expected an array of limits, not {node.KindDescription}");
            return null;
        }

        var limits = new List<StepLimit>();
        bool allRead = true;
        foreach (var item in array.Items)
        {
            var limit = StepLimitReader.Read(item, rule, currentA, context);
            allRead &= limit is not null;
            if (limit is not null)
            {
                limits.Add(limit);
            }
        }

        // Limits that failed were reported with the reason; only a clean but empty list is reported here.
        if (allRead && limits.Count == 0)
        {
            diagnostics.Report(node, $"the step can never end: it needs at least one limit {why}");
        }

        return limits;
    }
}
