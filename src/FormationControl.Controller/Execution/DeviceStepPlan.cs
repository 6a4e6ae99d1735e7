using FormationControl.Core.Profiles;
using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Execution;

/// <summary>
/// How one profile step (or one leg of a pulse step) is split between the hardware and the controller:
/// the command the device runs, which of the step's limits the device enforces itself (by the end reason
/// it will report), and the limits only software can watch.
/// </summary>
/// <param name="TimedLeg">A pulse leg: the device's time cut-off ends the leg, not the step.</param>
public sealed record DeviceStepPlan(
    ProfileStep Step,
    StepCommand Command,
    IReadOnlyDictionary<DeviceEndReason, StepLimit> DeviceLimits,
    IReadOnlyList<StepLimit> SoftwareLimits,
    bool TimedLeg = false);
