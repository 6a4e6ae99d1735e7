using FormationControl.Core.Profiles;
using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Execution;

/// <summary>
/// Plans a profile step onto a cycler channel. The device gets, per kind of cut-off it offers, the limit
/// that will be reached first (the lowest time or capacity, the lowest charge cut-off voltage, ...):
/// hardware stops a step within milliseconds, software within a poll. Every other limit is watched in
/// software. A pulse step becomes one timed leg per level (CC or rest), so it runs on any cycler.
/// </summary>
public static class DeviceStepPlanner
{
    /// <summary>The device legs of a step: one for an ordinary step, one per level for a pulse.</summary>
    public static IReadOnlyList<DeviceStepPlan> PlanLegs(ProfileStep step) =>
        step.Type == StepType.Pulse ? [.. (step.PulseLevels ?? []).Select(level => PlanPulseLeg(step, level))] : [Plan(step)];

    public static DeviceStepPlan Plan(ProfileStep step)
    {
        var device = new Dictionary<DeviceEndReason, StepLimit>();
        int direction = DirectionOf(step.Type);
        Pick(device, DeviceEndReason.Time, step.Limits.Where(l => l.Kind == LimitKind.Duration).MinBy(l => l.Value));
        Pick(device, DeviceEndReason.Capacity, step.Limits.Where(l => l.Kind == LimitKind.StepCapacityAh).MinBy(l => l.Value));
        PickVoltage(device, step, direction);
        if (step.Type is StepType.ChargeCccv or StepType.DischargeCccv or StepType.Cv)
        {
            Pick(device, DeviceEndReason.Current, step.Limits.Where(l => l.Kind == LimitKind.CurrentAtMost).MaxBy(l => l.Value));
        }

        var command = new StepCommand(
            ModeOf(step.Type),
            step.CurrentA ?? 0,
            step.VoltageV ?? 0,
            device.TryGetValue(DeviceEndReason.Voltage, out var v) ? v.Value : null,
            device.TryGetValue(DeviceEndReason.Current, out var i) ? i.Value : null,
            device.TryGetValue(DeviceEndReason.Time, out var t) ? TimeSpan.FromSeconds(t.Value) : null,
            device.TryGetValue(DeviceEndReason.Capacity, out var q) ? q.Value : null,
            step.PowerW ?? 0,
            step.ResistanceOhm ?? 0);
        return new DeviceStepPlan(step, command, device, SoftwareOnly(step, device));
    }

    private static DeviceStepPlan PlanPulseLeg(ProfileStep step, PulseLevel level)
    {
        var device = new Dictionary<DeviceEndReason, StepLimit>();
        int direction = Math.Sign(level.CurrentA);
        PickVoltage(device, step, direction);
        var mode = direction > 0 ? ChannelMode.ChargeCc : direction < 0 ? ChannelMode.DischargeCc : ChannelMode.Rest;
        var command = new StepCommand(
            mode,
            Math.Abs(level.CurrentA),
            CutoffVoltageV: device.TryGetValue(DeviceEndReason.Voltage, out var v) ? v.Value : null,
            CutoffTime: TimeSpan.FromSeconds(level.DurationS));
        return new DeviceStepPlan(step, command, device, SoftwareOnly(step, device), TimedLeg: true);
    }

    // A cut-off voltage ends a step in the direction the current drives the cell: upward on charge, downward
    // on discharge. CCCV and CV steps hold a voltage instead; their end is the taper current.
    private static void PickVoltage(Dictionary<DeviceEndReason, StepLimit> device, ProfileStep step, int direction)
    {
        if (step.Type is StepType.ChargeCccv or StepType.DischargeCccv or StepType.Cv)
        {
            return;
        }

        if (direction > 0)
        {
            Pick(device, DeviceEndReason.Voltage, step.Limits.Where(l => l.Kind == LimitKind.VoltageAtLeast).MinBy(l => l.Value));
        }
        else if (direction < 0)
        {
            Pick(device, DeviceEndReason.Voltage, step.Limits.Where(l => l.Kind == LimitKind.VoltageAtMost).MaxBy(l => l.Value));
        }
    }

    // Constant power and resistance are newer device modes: their voltage cut-off is watched in software too.
    private static List<StepLimit> SoftwareOnly(ProfileStep step, Dictionary<DeviceEndReason, StepLimit> device) =>
        [.. step.Limits.Where(l => !device.ContainsValue(l)
            || (l.Kind is LimitKind.VoltageAtLeast or LimitKind.VoltageAtMost && step.Type is StepType.ChargeCp or StepType.DischargeCp or StepType.DischargeCr))];

    private static void Pick(Dictionary<DeviceEndReason, StepLimit> device, DeviceEndReason reason, StepLimit? limit)
    {
        if (limit is not null)
        {
            device[reason] = limit;
        }
    }

    private static int DirectionOf(StepType type) => type switch
    {
        StepType.ChargeCc or StepType.ChargeCccv or StepType.ChargeCp => 1,
        StepType.DischargeCc or StepType.DischargeCccv or StepType.DischargeCp or StepType.DischargeCr => -1,
        _ => 0,
    };

    private static ChannelMode ModeOf(StepType type) => type switch
    {
        StepType.Rest or StepType.Ocv => ChannelMode.Rest,
        StepType.ChargeCc => ChannelMode.ChargeCc,
        StepType.DischargeCc => ChannelMode.DischargeCc,
        StepType.ChargeCccv => ChannelMode.ChargeCccv,
        StepType.DischargeCccv => ChannelMode.DischargeCccv,
        StepType.Cv => ChannelMode.Cv,
        StepType.ChargeCp => ChannelMode.ChargeCp,
        StepType.DischargeCp => ChannelMode.DischargeCp,
        StepType.DischargeCr => ChannelMode.DischargeCr,
        _ => throw new NotSupportedException($"Step type {type} is not run on a device: the sequencer passes it."),
    };
}
