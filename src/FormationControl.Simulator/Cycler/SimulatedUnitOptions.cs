namespace FormationControl.Simulator.Cycler;

/// <summary>Identity and hardware limits of a simulated cycler unit.</summary>
public sealed record SimulatedUnitOptions
{
    /// <summary>Shared default options.</summary>
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

    internal void Validate()
    {
        if (!double.IsFinite(OverVoltageLimitV) || !double.IsFinite(UnderVoltageLimitV) || !(UnderVoltageLimitV < OverVoltageLimitV))
        {
            throw new ArgumentException($"Unit options: the protection window must be finite with UnderVoltageLimitV < OverVoltageLimitV (got {UnderVoltageLimitV} V and {OverVoltageLimitV} V).");
        }
    }
}
