using FormationControl.Core.Json;
using FormationControl.Core.Quantities;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// Reads the setpoints a step type takes (current, voltage, power, resistance, pulse levels), reports those it does
/// not take, and checks them against the cell ratings and safety limits.
/// </summary>
internal static class StepSetpointReader
{
    public static StepSetpointValues Read(JsonFields fields, StepTypeRule? rule, StepContext context)
    {
        var current = Field(fields, "current", StepSetpoints.Current, rule, context);
        var voltage = Field(fields, "voltage", StepSetpoints.Voltage, rule, context);
        var power = Field(fields, "power", StepSetpoints.Power, rule, context);
        var resistance = Field(fields, "resistance", StepSetpoints.Resistance, rule, context);
        var levels = Field(fields, "levels", StepSetpoints.Levels, rule, context);
        return new StepSetpointValues(
            current is null ? null : ReadCurrent(current, rule!, context),
            voltage is null ? null : ReadVoltage(voltage, context),
            power is null ? null : Positive(power, ReadValue(power, Dimension.Power, context.Diagnostics), context.Diagnostics),
            resistance is null ? null : Positive(resistance, ReadValue(resistance, Dimension.Resistance, context.Diagnostics), context.Diagnostics),
            levels is null ? null : PulseLevelReader.Read(levels, context));
    }

    /// <summary>
    /// Power and resistance set the current only through the voltage: the current is checked at the voltage where it is
    /// highest, the lowest a constant-power step can see and the highest a constant-resistance step starts from.
    /// </summary>
    public static void CheckAgainstLimits(JsonFields fields, StepTypeRule? rule, StepSetpointValues values, IReadOnlyList<StepLimit> limits, StepContext context)
    {
        if (context.Cell is not { } cell || rule is null)
        {
            return;
        }

        if (values.PowerW is { } watts)
        {
            bool discharging = rule.Direction == CurrentDirection.Discharge;
            var cutOffs = limits.Where(l => l.Kind == LimitKind.VoltageAtMost).Select(l => l.Value).ToList();
            (double volts, string where) = discharging && cutOffs.Count > 0
                ? (cutOffs.Max(), "its voltage limit")
                : (cell.MinVoltageV, "cell.minVoltage");
            CheckDerivedCurrent(fields.Optional("power")!, rule, watts / volts, $"{Quantity.Format(watts, Dimension.Power)} at {QuantityText.Volts(volts)} ({where})", context);
        }

        if (values.ResistanceOhm is { } ohms)
        {
            CheckDerivedCurrent(fields.Optional("resistance")!, rule, cell.MaxVoltageV / ohms, $"{Quantity.Format(ohms, Dimension.Resistance)} at {QuantityText.Volts(cell.MaxVoltageV)} (cell.maxVoltage)", context);
        }
    }

    /// <summary>Checks a current magnitude against the rating of its direction and the safety limit; true when it passes.</summary>
    public static bool CheckCurrent(JsonSourceNode node, CurrentDirection direction, double amps, string what, StepContext context)
    {
        var (cell, safety, diagnostics) = (context.Cell, context.Safety, context.Diagnostics);
        if (direction == CurrentDirection.Charge && amps > cell?.MaxChargeCurrentA)
        {
            diagnostics.Report(node, $"{what} exceeds cell.maxChargeCurrent ({QuantityText.Amps(cell.MaxChargeCurrentA)})");
        }
        else if (direction == CurrentDirection.Discharge && amps > cell?.MaxDischargeCurrentA)
        {
            diagnostics.Report(node, $"{what} exceeds cell.maxDischargeCurrent ({QuantityText.Amps(cell.MaxDischargeCurrentA)})");
        }
        else if (amps >= safety?.MaxCurrentA)
        {
            diagnostics.Report(node, $"{what} reaches safety.maxCurrent ({QuantityText.Amps(safety.MaxCurrentA)}): the channel would fault");
        }
        else
        {
            return true;
        }

        return false;
    }

    private static void CheckDerivedCurrent(JsonSourceNode node, StepTypeRule rule, double amps, string setting, StepContext context) =>
        CheckCurrent(node, rule.Direction, amps, $"{setting} draws {QuantityText.Amps(Math.Round(amps, 3))}, which", context);

    // The node of a setpoint field when the type takes it (reported missing when required), else null (reported if present).
    private static JsonSourceNode? Field(JsonFields fields, string name, StepSetpoints setpoint, StepTypeRule? rule, StepContext context)
    {
        var node = fields.Optional(name);
        if (rule is null)
        {
            return null;
        }

        if (!rule.Uses(setpoint))
        {
            if (node is not null)
            {
                context.Diagnostics.Report(node, rule.WhyNot(setpoint));
            }

            return null;
        }

        return node ?? fields.Required(name, rule.WhyNeeded(setpoint));
    }

    private static double? ReadCurrent(JsonSourceNode node, StepTypeRule rule, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        if (ReadCurrentA(node, context.NominalCapacityAh, diagnostics) is not { } amps)
        {
            return null;
        }

        if (amps <= 0)
        {
            diagnostics.Report(node, "the current is a magnitude and must be greater than zero; the step type gives the direction");
            return null;
        }

        CheckCurrent(node, rule.Direction, amps, QuantityText.Amps(amps), context);
        return amps;
    }

    private static double? ReadVoltage(JsonSourceNode node, StepContext context)
    {
        var diagnostics = context.Diagnostics;
        if (Positive(node, ReadValue(node, Dimension.Voltage, diagnostics), diagnostics) is not { } volts)
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
}
