using FormationControl.Core.Profiles;
using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Execution;

/// <summary>
/// Plans a profile step onto a cycler channel. The device gets, per kind of cut-off it offers, the limit
/// that will be reached first (the lowest time or capacity, the lowest charge cut-off voltage, ...):
/// hardware stops a step within milliseconds, software within a poll. Every other limit is watched in software.
/// </summary>
public static class DeviceStepPlanner
{
    public static DeviceStepPlan Plan(ProfileStep step)
    {
        var device = new Dictionary<DeviceEndReason, StepLimit>();
        bool charging = step.Type is StepType.ChargeCc or StepType.ChargeCccv;
        bool discharging = step.Type is StepType.DischargeCc or StepType.DischargeCccv;

        Pick(device, DeviceEndReason.Time, step.Limits.Where(l => l.Kind == LimitKind.Duration).MinBy(l => l.Value));
        Pick(device, DeviceEndReason.Capacity, step.Limits.Where(l => l.Kind == LimitKind.StepCapacityAh).MinBy(l => l.Value));
        if (charging)
        {
            Pick(device, DeviceEndReason.Voltage, step.Limits.Where(l => l.Kind == LimitKind.VoltageAtLeast).MinBy(l => l.Value));
        }
        else if (discharging)
        {
            Pick(device, DeviceEndReason.Voltage, step.Limits.Where(l => l.Kind == LimitKind.VoltageAtMost).MaxBy(l => l.Value));
        }

        if (step.Type is StepType.ChargeCccv or StepType.DischargeCccv or StepType.Cv)
        {
            Pick(device, DeviceEndReason.Current, step.Limits.Where(l => l.Kind == LimitKind.CurrentAtMost).MaxBy(l => l.Value));
        }

        var software = step.Limits.Where(l => !device.ContainsValue(l)).ToList();
        var command = new StepCommand(
            ModeOf(step.Type),
            step.CurrentA ?? 0,
            step.VoltageV ?? 0,
            device.TryGetValue(DeviceEndReason.Voltage, out var v) ? v.Value : null,
            device.TryGetValue(DeviceEndReason.Current, out var i) ? i.Value : null,
            device.TryGetValue(DeviceEndReason.Time, out var t) ? TimeSpan.FromSeconds(t.Value) : null,
            device.TryGetValue(DeviceEndReason.Capacity, out var q) ? q.Value : null);
        return new DeviceStepPlan(step, command, device, software);
    }

    private static void Pick(Dictionary<DeviceEndReason, StepLimit> device, DeviceEndReason reason, StepLimit? limit)
    {
        if (limit is not null)
        {
            device[reason] = limit;
        }
    }

    private static ChannelMode ModeOf(StepType type) => type switch
    {
        StepType.Rest => ChannelMode.Rest,
        StepType.ChargeCc => ChannelMode.ChargeCc,
        StepType.DischargeCc => ChannelMode.DischargeCc,
        StepType.ChargeCccv => ChannelMode.ChargeCccv,
        StepType.DischargeCccv => ChannelMode.DischargeCccv,
        StepType.Cv => ChannelMode.Cv,
        _ => throw new NotSupportedException($"Step type {type} has no device mode on this cycler."),
    };
}
