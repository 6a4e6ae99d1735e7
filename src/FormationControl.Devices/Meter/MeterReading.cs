using System.Globalization;

namespace FormationControl.Devices.Meter;

/// <summary>One OCV/ACIR reading: the 1 kHz AC resistance and the open-circuit voltage of the connected cell.</summary>
/// <param name="AcResistanceOhm">AC internal resistance at 1 kHz, in ohms.</param>
/// <param name="VoltageV">Terminal (open-circuit) voltage, in volts.</param>
public readonly record struct MeterReading(double AcResistanceOhm, double VoltageV)
{
    /// <summary>The SCPI overflow value a meter answers for an open (dead or unconnected) cell.</summary>
    public const double Overflow = 9.9e37;

    /// <summary>True when the meter saw no cell: its resistance overflowed.</summary>
    public bool IsOpenCircuit => AcResistanceOhm >= Overflow * 0.999;

    /// <summary>Parses an answer of the form <c>R,V</c>, for example <c>4.5123E-04,3.69712E+00</c>.</summary>
    public static bool TryParse(string? answer, out MeterReading reading)
    {
        reading = default;
        if (answer is null)
        {
            return false;
        }

        int comma = answer.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || answer.IndexOf(',', comma + 1) >= 0)
        {
            return false;
        }

        const NumberStyles Style = NumberStyles.Float;
        if (!double.TryParse(answer.AsSpan(0, comma), Style, CultureInfo.InvariantCulture, out double r)
            || !double.TryParse(answer.AsSpan(comma + 1), Style, CultureInfo.InvariantCulture, out double v)
            || !double.IsFinite(r) || !double.IsFinite(v) || r < 0)
        {
            return false;
        }

        reading = new MeterReading(r, v);
        return true;
    }
}
