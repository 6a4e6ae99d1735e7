using System.Diagnostics.CodeAnalysis;

namespace FormationControl.Core.Ageing;

/// <summary>
/// Self-discharge as the fall of the open-circuit voltage per day between two ageing sessions:
/// K = (OCV₁ − OCV₂) / (t₂ − t₁) in mV/day, positive when the voltage falls. Each OCV is first brought to a
/// reference temperature, OCV_ref = OCV − α·(T − T_ref), so that a cooler second session is not read as a leak.
/// </summary>
public static class KValue
{
    /// <summary>Computes K; false (with a reason) when the second reading is not after the first or a value is not finite.</summary>
    /// <param name="first">The earlier reading (OCV₁, t₁).</param>
    /// <param name="second">The later reading (OCV₂, t₂).</param>
    /// <param name="temperatureCoefficientVPerK">α, the OCV's change per kelvin (V/K) at this state of charge; 0 for no compensation.</param>
    /// <param name="referenceTemperatureC">T_ref in °C.</param>
    /// <param name="kMvPerDay">K in mV/day.</param>
    /// <param name="problem">Why K cannot be computed.</param>
    public static bool TryCompute(
        in OcvReading first,
        in OcvReading second,
        double temperatureCoefficientVPerK,
        double referenceTemperatureC,
        out double kMvPerDay,
        [NotNullWhen(false)] out string? problem)
    {
        kMvPerDay = double.NaN;
        double days = (second.Time - first.Time).TotalDays;
        if (days <= 0)
        {
            problem = $"the second OCV ({second.Time:O}) is not after the first ({first.Time:O})";
            return false;
        }

        double v1 = Compensated(first, temperatureCoefficientVPerK, referenceTemperatureC);
        double v2 = Compensated(second, temperatureCoefficientVPerK, referenceTemperatureC);
        if (!double.IsFinite(v1) || !double.IsFinite(v2))
        {
            problem = "an OCV or temperature is not a finite number";
            return false;
        }

        kMvPerDay = (v1 - v2) * 1000 / days;
        problem = null;
        return true;
    }

    /// <summary>The reading's OCV at <paramref name="referenceTemperatureC"/>, in V.</summary>
    public static double Compensated(in OcvReading reading, double temperatureCoefficientVPerK, double referenceTemperatureC) =>
        reading.OcvV - (temperatureCoefficientVPerK * (reading.TemperatureC - referenceTemperatureC));
}
