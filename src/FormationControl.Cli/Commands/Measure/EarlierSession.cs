using System.Globalization;
using FormationControl.Core.Ageing;
using FormationControl.Storage;

namespace FormationControl.Cli.Commands.Measure;

/// <summary>
/// A cell's latest measurement of another, earlier session, and its K-value against a new reading
/// (<see cref="KValue"/>: OCV fall per day, both OCVs brought to the reference temperature).
/// </summary>
public static class EarlierSession
{
    /// <summary>
    /// Shortest gap K is given for: over minutes the meter's noise (tens of µV) and the compensation's rounding
    /// would print thousands of mV/day.
    /// </summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromHours(1);

    /// <summary>The latest measurement in <paramref name="history"/> of a session other than <paramref name="session"/>, taken before <paramref name="before"/>, with a usable OCV.</summary>
    public static AgeingMeasurementRecord? LatestOf(IReadOnlyList<AgeingMeasurementRecord> history, string session, DateTimeOffset before)
    {
        ArgumentNullException.ThrowIfNull(history);
        AgeingMeasurementRecord? latest = null;
        foreach (var m in history)
        {
            // An open cell's record (no ACIR, ~0 V) is no baseline for self-discharge.
            if (m.Session != session && m.MeasuredAt < before && m.AcirOhm is not null && (latest is null || m.MeasuredAt >= latest.MeasuredAt))
            {
                latest = m;
            }
        }

        return latest;
    }

    /// <summary>K in mV/day from <paramref name="earlier"/> to the new reading, or the reason it cannot be computed.</summary>
    public static (double? KMvPerDay, string? Problem) K(AgeingMeasurementRecord earlier, DateTimeOffset measuredAt, double ocvV, double temperatureC, MeasureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(settings);
        if (measuredAt - earlier.MeasuredAt < MinimumGap)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"no K: session '{earlier.Session}' is only {(measuredAt - earlier.MeasuredAt).TotalMinutes:F0} min earlier (K needs {MinimumGap.TotalHours:F0} h or more)"));
        }

        var first = new OcvReading(earlier.MeasuredAt, earlier.OcvV, earlier.TemperatureC);
        var second = new OcvReading(measuredAt, ocvV, temperatureC);
        return KValue.TryCompute(first, second, settings.TemperatureCoefficientVPerK, settings.ReferenceTemperatureC, out double k, out string? problem)
            ? (k, null)
            : (null, $"no K against session '{earlier.Session}': {problem}");
    }
}
