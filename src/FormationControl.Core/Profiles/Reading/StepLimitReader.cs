using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using FormationControl.Core.Text;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// Reads one limit: exactly one condition ("voltage", "current", "time", "capacity", "energy", "dvdt", "temperature")
/// and an optional action ("then": "next" | "end" | "fault", or "goto": "label").
/// </summary>
internal static class StepLimitReader
{
    public static readonly string[] Conditions = ["voltage", "current", "time", "capacity", "energy", "dvdt", "temperature"];

    public static readonly string[] Fields = [.. Conditions, "then", "goto"];

    private static readonly string[] Actions = ["next", "end", "fault"];

    /// <summary>The limit, or null if anything is wrong. <paramref name="rule"/> is null when the step's type is unknown.</summary>
    public static StepLimit? Read(JsonSourceNode node, StepTypeRule? rule, double? stepCurrentA, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        var fields = JsonFields.Open(node, "a limit", Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        int before = diagnostics.Count;
        string[] given = [.. Conditions.Where(fields.Has)];
        // A misspelt condition is reported as unknown field (with a suggestion) already.
        if (given.Length == 0 && fields.Object.Properties.All(p => Fields.Contains(p.Name)))
        {
            diagnostics.Report(node, $"a limit needs one condition: {string.Join(", ", Conditions)}");
        }

        foreach (string extra in given.Skip(1))
        {
            diagnostics.Report(fields.Optional(extra)!, $"a limit has one condition and '{given[0]}' is given already; write a separate limit");
        }

        (LimitKind Kind, double Value)? condition = given.Length == 0 ? null : ReadCondition(given[0], fields.Optional(given[0])!, rule, stepCurrentA, context);
        var (action, gotoLabel) = ReadAction(fields, context);
        if (diagnostics.Count > before || condition is not { } c)
        {
            return null;
        }

        return new StepLimit(c.Kind, c.Value, action, gotoLabel);
    }

    private static (LimitKind, double)? ReadCondition(string name, JsonSourceNode node, StepTypeRule? rule, double? stepCurrentA, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        (LimitKind Kind, double Value)? condition = name switch
        {
            "voltage" => ReadVoltage(node, context),
            "current" => ReadCurrent(node, rule, stepCurrentA, context),
            "time" => ReadDuration(node, context),
            "capacity" => ReadCapacity(node, context),
            "dvdt" => ReadVoltageRate(node, context),
            "temperature" => ReadTemperature(node, context),
            _ => Positive(node, ReadValue(node, Dimension.Energy, diagnostics), diagnostics) is { } wh ? (LimitKind.StepEnergyWh, wh) : null,
        };

        if (condition is { } c && rule is not null && !rule.EndingKinds.Contains(c.Kind))
        {
            diagnostics.Report(node, rule.WhyNotEnding(c.Kind));
            return null;
        }

        return condition;
    }

    private static (LimitKind, double)? ReadVoltage(JsonSourceNode node, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        if (ReadBound(node, diagnostics, Dimension.Voltage) is not { } bound)
        {
            return null;
        }

        double v = bound.Quantity.Value;
        bool rising = bound.Operator == ComparisonOperator.AtLeast;
        string text = $"{bound}";
        if (rising && v > context.Cell?.MaxVoltageV)
        {
            diagnostics.Report(node, $"the cell would have to exceed cell.maxVoltage ({QuantityText.Volts(context.Cell.MaxVoltageV)}) to reach {text}");
        }
        else if (!rising && v < context.Cell?.MinVoltageV)
        {
            diagnostics.Report(node, $"the cell would have to go below cell.minVoltage ({QuantityText.Volts(context.Cell.MinVoltageV)}) to reach {text}");
        }
        else if (rising && v >= context.Safety?.MaxVoltageV)
        {
            diagnostics.Report(node, $"safety.maxVoltage ({QuantityText.Volts(context.Safety.MaxVoltageV)}) would fault the channel before {text} is reached");
        }
        else if (!rising && v <= context.Safety?.MinVoltageV)
        {
            diagnostics.Report(node, $"safety.minVoltage ({QuantityText.Volts(context.Safety.MinVoltageV)}) would fault the channel before {text} is reached");
        }

        return (rising ? LimitKind.VoltageAtLeast : LimitKind.VoltageAtMost, v);
    }

    private static (LimitKind, double)? ReadCurrent(JsonSourceNode node, StepTypeRule? rule, double? stepCurrentA, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        if (ReadBound(node, diagnostics, Dimension.Current, Dimension.CRate) is not { } bound)
        {
            return null;
        }

        if (bound.Operator != ComparisonOperator.AtMost)
        {
            diagnostics.Report(node, "only '<=' current limits exist: they end a CV phase when the current has tapered off");
            return null;
        }

        if (ResolveCurrentA(node, bound.Quantity, context.NominalCapacityAh, diagnostics) is not { } amps || Positive(node, amps, diagnostics) is null)
        {
            return null;
        }

        if (rule?.Type is StepType.ChargeCccv or StepType.DischargeCccv && amps >= stepCurrentA)
        {
            diagnostics.Report(node, $"the taper current must be below the step's current ({QuantityText.Amps(stepCurrentA.Value)})");
        }

        return (LimitKind.CurrentAtMost, amps);
    }

    private static (LimitKind, double)? ReadVoltageRate(JsonSourceNode node, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        if (ReadBound(node, diagnostics, Dimension.VoltageRate) is not { } bound || Positive(node, bound.Quantity.Value, diagnostics) is not { } rate)
        {
            return null;
        }

        return (bound.Operator == ComparisonOperator.AtLeast ? LimitKind.VoltageRateAtLeast : LimitKind.VoltageRateAtMost, rate);
    }

    private static (LimitKind, double)? ReadTemperature(JsonSourceNode node, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        if (ReadBound(node, diagnostics, Dimension.Temperature) is not { } bound)
        {
            return null;
        }

        double t = bound.Quantity.Value;
        bool rising = bound.Operator == ComparisonOperator.AtLeast;
        if (rising && t > context.Cell?.MaxTemperatureC)
        {
            diagnostics.Report(node, $"the cell would have to exceed cell.maxTemperature ({QuantityText.Celsius(context.Cell.MaxTemperatureC)}) to reach {bound}");
        }
        else if (rising && t >= context.Safety?.MaxTemperatureC)
        {
            diagnostics.Report(node, $"safety.maxTemperature ({QuantityText.Celsius(context.Safety.MaxTemperatureC)}) would fault the channel before {bound} is reached");
        }

        return (rising ? LimitKind.TemperatureAtLeast : LimitKind.TemperatureAtMost, t);
    }

    private static (LimitKind, double)? ReadDuration(JsonSourceNode node, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        if (Positive(node, ReadValue(node, Dimension.Time, diagnostics), diagnostics) is not { } seconds)
        {
            return null;
        }

        if (context.Safety?.MaxStepDuration is { } max && seconds > max.TotalSeconds)
        {
            diagnostics.Report(node, $"safety.maxStepDuration ({QuantityText.Duration(max.TotalSeconds)}) would fault the channel before this time is reached");
        }

        return (LimitKind.Duration, seconds);
    }

    // Ah, or percent of the nominal capacity ("50 %" stops at half the rated charge).
    private static (LimitKind, double)? ReadCapacity(JsonSourceNode node, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        if (ReadQuantity(node, diagnostics, Dimension.Capacity, Dimension.Percent) is not { } quantity)
        {
            return null;
        }

        double? ah = quantity.Dimension == Dimension.Capacity ? quantity.Value : null;
        if (quantity.Dimension == Dimension.Percent)
        {
            if (context.NominalCapacityAh is not { } nominal)
            {
                diagnostics.Report(node, $"\"{quantity}\" is a percentage of cell.nominalCapacity, which is missing or invalid");
                return null;
            }

            ah = DecimalArithmetic.Multiply(DecimalArithmetic.Divide(quantity.Value, 100), nominal);
        }

        return Positive(node, ah, diagnostics) is { } positive ? (LimitKind.StepCapacityAh, positive) : null;
    }

    private static (LimitAction Action, string? GotoLabel) ReadAction(JsonFields fields, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        var thenNode = fields.Optional("then");
        var gotoNode = fields.Optional("goto");
        if (gotoNode is not null)
        {
            if (thenNode is not null)
            {
                diagnostics.Report(gotoNode, "give either 'then' or 'goto', not both");
            }

            string? label = ReadString(gotoNode, diagnostics);
            if (label is not null && !context.Labels.Contains(label))
            {
                diagnostics.Report(gotoNode, $"no step is labelled '{label}'{SpellingSuggestion.Hint(label, context.Labels)}");
            }

            return (LimitAction.Goto, label);
        }

        string? then = ReadString(thenNode, diagnostics);
        switch (then)
        {
            case null or "next":
                return (LimitAction.Next, null);
            case "end":
                return (LimitAction.End, null);
            case "fault":
                return (LimitAction.Fault, null);
            case "goto":
                diagnostics.Report(thenNode!, "to jump, write \"goto\": \"<label>\" instead of \"then\"");
                return (LimitAction.Next, null);
            default:
                diagnostics.Report(thenNode!, $"unknown action '{then}'{SpellingSuggestion.Hint(then, Actions)} (expected next, end or fault; or a \"goto\" field)");
                return (LimitAction.Next, null);
        }
    }
}
