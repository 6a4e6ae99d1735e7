namespace FormationControl.Simulator.Meter;

/// <summary>Identity and accuracy of the simulated OCV/ACIR meter (a bench battery meter with a multiplexer).</summary>
public sealed record MeterOptions
{
    /// <summary>Shared default options.</summary>
    public static MeterOptions Default { get; } = new();

    /// <summary>The <c>*IDN?</c> answer: manufacturer, model, serial number, firmware.</summary>
    public string Identity { get; init; } = "FormationControl,SIM-OCVIR-1,000001,1.0";

    /// <summary>Relative standard deviation of the 1 kHz resistance reading (0.2 %).</summary>
    public double ResistanceNoiseFraction { get; init; } = 0.002;

    /// <summary>Absolute standard deviation added to the resistance reading (0.5 µΩ, a few counts at the lowest range).</summary>
    public double ResistanceNoiseOhm { get; init; } = 0.5e-6;

    /// <summary>Standard deviation of the voltage reading (20 µV).</summary>
    public double VoltageNoiseV { get; init; } = 20e-6;

    /// <summary>Seed of the noise.</summary>
    public int Seed { get; init; }

    /// <summary>Errors kept for <c>SYSTem:ERRor?</c>; one more replaces the last with -350 "Queue overflow".</summary>
    public int ErrorQueueLength { get; init; } = 10;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Identity, nameof(Identity));
        if (!(ResistanceNoiseFraction >= 0) || !(ResistanceNoiseOhm >= 0) || !(VoltageNoiseV >= 0) || ErrorQueueLength < 1)
        {
            throw new ArgumentException($"Meter options: noise must be zero or positive and the error queue at least 1 long (got {ResistanceNoiseFraction}, {ResistanceNoiseOhm} ohm, {VoltageNoiseV} V, {ErrorQueueLength}).");
        }
    }
}
