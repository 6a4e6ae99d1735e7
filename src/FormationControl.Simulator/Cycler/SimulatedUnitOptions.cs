namespace FormationControl.Simulator.Cycler;

/// <summary>Identity, hardware limits, converters and environment of a simulated cycler unit.</summary>
public sealed record SimulatedUnitOptions
{
    /// <summary>Shared default options: exact measurements (no noise), NMC protection window.</summary>
    public static SimulatedUnitOptions Default { get; } = new();

    /// <summary>Served in the <c>vendorCode</c> register; 0x4643 is "FC".</summary>
    public ushort VendorCode { get; init; } = 0x4643;

    /// <summary>Served in the <c>mapVersion</c> register.</summary>
    public ushort MapVersion { get; init; } = 1;

    /// <summary>
    /// Hardware over-voltage protection: a running channel whose terminal voltage goes above it latches
    /// <c>OverVoltage</c>. Independent of the register map and of any step; the default suits NMC.
    /// </summary>
    public double OverVoltageLimitV { get; init; } = 4.35;

    /// <summary>Hardware under-voltage protection, latching <c>UnderVoltage</c>.</summary>
    public double UnderVoltageLimitV { get; init; } = 1.5;

    /// <summary>Hardware over-current protection: |I| above it latches <c>OverCurrent</c> (a setpoint above it trips at once).</summary>
    public double OverCurrentLimitA { get; init; } = 320;

    /// <summary>Over-temperature protection: a running channel whose cell goes above it latches <c>OverTemperature</c>.</summary>
    public double OverTemperatureLimitC { get; init; } = 60;

    /// <summary>The contact check passes (the <c>contact</c> register reads 1) when the cell's contact resistance is at most this.</summary>
    public double ContactCheckLimitOhm { get; init; } = 1e-3;

    /// <summary>Noise and quantisation of the measured values (<see cref="MeasurementOptions.Exact"/> by default).</summary>
    public MeasurementOptions Measurement { get; init; } = MeasurementOptions.Exact;

    /// <summary>Ambient (chamber) temperature of the unit; null: each cell's <c>CellOptions.AmbientTemperatureC</c>.</summary>
    public double? AmbientTemperatureC { get; init; }

    internal void Validate()
    {
        if (!double.IsFinite(OverVoltageLimitV) || !double.IsFinite(UnderVoltageLimitV) || !(UnderVoltageLimitV < OverVoltageLimitV))
        {
            throw new ArgumentException($"Unit options: the protection window must be finite with UnderVoltageLimitV < OverVoltageLimitV (got {UnderVoltageLimitV} V and {OverVoltageLimitV} V).");
        }

        if (!(OverCurrentLimitA > 0) || !double.IsFinite(OverTemperatureLimitC) || !(ContactCheckLimitOhm >= 0) || !double.IsFinite(ContactCheckLimitOhm))
        {
            throw new ArgumentException($"Unit options: OverCurrentLimitA must be positive, OverTemperatureLimitC finite and ContactCheckLimitOhm zero or positive (got {OverCurrentLimitA} A, {OverTemperatureLimitC} degC, {ContactCheckLimitOhm} ohm).");
        }

        if (AmbientTemperatureC is { } ambient && !(double.IsFinite(ambient) && ambient > -273.15))
        {
            throw new ArgumentException($"Unit options: AmbientTemperatureC must be finite and above absolute zero (got {ambient}).");
        }

        ArgumentNullException.ThrowIfNull(Measurement, nameof(Measurement));
        Measurement.Validate();
    }
}
