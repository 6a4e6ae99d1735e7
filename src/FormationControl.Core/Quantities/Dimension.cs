namespace FormationControl.Core.Quantities;

/// <summary>What a <see cref="Quantity"/> measures; each dimension has one base unit.</summary>
public enum Dimension
{
    /// <summary>Volts (V).</summary>
    Voltage,

    /// <summary>Amperes (A).</summary>
    Current,

    /// <summary>Multiples of the nominal capacity per hour (C); resolves to amperes with a cell's capacity.</summary>
    CRate,

    /// <summary>Seconds (s).</summary>
    Time,

    /// <summary>Ampere-hours (Ah).</summary>
    Capacity,

    /// <summary>Watt-hours (Wh).</summary>
    Energy,

    /// <summary>Degrees Celsius (degC).</summary>
    Temperature,

    /// <summary>Watts (W).</summary>
    Power,

    /// <summary>Ohms (Ohm).</summary>
    Resistance,

    /// <summary>Percent (%), e.g. of a nominal capacity.</summary>
    Percent,

    /// <summary>Volts per second (V/s), a rate of voltage change (dV/dt).</summary>
    VoltageRate,
}
