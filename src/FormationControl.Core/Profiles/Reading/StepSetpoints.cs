namespace FormationControl.Core.Profiles.Reading;

/// <summary>The setpoint fields a step type takes; each is required when taken.</summary>
[Flags]
internal enum StepSetpoints
{
    None = 0,
    Current = 1,
    Voltage = 2,
    Power = 4,
    Resistance = 8,
    Levels = 16,
}
