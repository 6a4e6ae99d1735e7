using System.Text.Json;
using FormationControl.Core.Json;

namespace FormationControl.Core.Profiles;

/// <summary>
/// The canonical text of a resolved profile and its SHA-256. The text is compact JSON with a fixed key order,
/// values in V, A, s, Ah, Wh, W, Ohm, degC and shortest round-trip numbers, and a "format" tag to version it.
/// <see cref="Profile.Hash"/> and step locations are not part of it. Step members added after format 1 (power,
/// resistance, pulse levels, loops) are written only when set, so a profile that uses none keeps its format-1 hash.
/// </summary>
public static class ProfileHash
{
    /// <summary>Tag written first in the canonical text; bump it when the canonical form changes.</summary>
    public const string Format = "formationcontrol.profile/1";

    /// <summary>Lowercase hex SHA-256 of <see cref="CanonicalText"/>.</summary>
    public static string Compute(Profile profile) => CanonicalJson.Sha256Hex(CanonicalText(profile));

    /// <summary>The canonical JSON text that <see cref="Compute"/> hashes.</summary>
    public static string CanonicalText(Profile profile) => CanonicalJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("name", profile.Name);
        w.WriteString("version", profile.Version);
        WriteCell(w, profile.Cell);
        WriteSafety(w, profile.Safety);
        WriteLogging(w, "logging", profile.Logging);
        w.WriteStartArray("steps");
        foreach (var step in profile.Steps)
        {
            WriteStep(w, step);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteCell(Utf8JsonWriter w, CellSpec cell)
    {
        w.WriteStartObject("cell");
        w.WriteString("chemistry", cell.Chemistry);
        w.WriteCanonicalNumber("nominalCapacityAh", cell.NominalCapacityAh);
        w.WriteCanonicalNumber("nominalVoltageV", cell.NominalVoltageV);
        w.WriteCanonicalNumber("minVoltageV", cell.MinVoltageV);
        w.WriteCanonicalNumber("maxVoltageV", cell.MaxVoltageV);
        w.WriteCanonicalNumber("maxChargeCurrentA", cell.MaxChargeCurrentA);
        w.WriteCanonicalNumber("maxDischargeCurrentA", cell.MaxDischargeCurrentA);
        w.WriteCanonicalNumber("maxTemperatureC", cell.MaxTemperatureC);
        w.WriteEndObject();
    }

    private static void WriteSafety(Utf8JsonWriter w, SafetyLimits safety)
    {
        w.WriteStartObject("safety");
        w.WriteCanonicalNumber("minVoltageV", safety.MinVoltageV);
        w.WriteCanonicalNumber("maxVoltageV", safety.MaxVoltageV);
        w.WriteCanonicalNumber("maxCurrentA", safety.MaxCurrentA);
        w.WriteCanonicalNumber("maxTemperatureC", safety.MaxTemperatureC);
        w.WriteCanonicalNumber("maxStepDurationS", safety.MaxStepDuration?.TotalSeconds);
        w.WriteCanonicalNumber("maxTotalDurationS", safety.MaxTotalDuration?.TotalSeconds);
        if (safety.ResumeAfterCommLoss)
        {
            // Written only when set, so the hashes of profiles released before the field existed stay the same.
            w.WriteString("onCommLoss", "resume");
        }

        w.WriteEndObject();
    }

    private static void WriteLogging(Utf8JsonWriter w, string name, LoggingCriteria? logging)
    {
        if (logging is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteCanonicalNumber("intervalS", logging.Interval?.TotalSeconds);
        w.WriteCanonicalNumber("deltaVoltageV", logging.DeltaVoltageV);
        w.WriteCanonicalNumber("deltaCurrentA", logging.DeltaCurrentA);
        w.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter w, ProfileStep step)
    {
        w.WriteStartObject();
        w.WriteNumber("index", step.Index);
        w.WriteString("label", step.Label);
        w.WriteString("type", ProfileJsonNames.Of(step.Type));
        w.WriteCanonicalNumber("currentA", step.CurrentA);
        w.WriteCanonicalNumber("voltageV", step.VoltageV);
        w.WriteStartArray("limits");
        foreach (var limit in step.Limits)
        {
            w.WriteStartObject();
            w.WriteString("kind", ProfileJsonNames.Of(limit.Kind));
            w.WriteCanonicalNumber("value", limit.Value);
            w.WriteString("action", ProfileJsonNames.Of(limit.Action));
            w.WriteString("goto", limit.GotoLabel);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteLogging(w, "logging", step.Logging);
        WriteExtensions(w, step);
        w.WriteEndObject();
    }

    private static void WriteExtensions(Utf8JsonWriter w, ProfileStep step)
    {
        if (step.PowerW is { } power)
        {
            w.WriteCanonicalNumber("powerW", power);
        }

        if (step.ResistanceOhm is { } resistance)
        {
            w.WriteCanonicalNumber("resistanceOhm", resistance);
        }

        if (step.PulseLevels is { } levels)
        {
            w.WriteStartArray("pulse");
            foreach (var level in levels)
            {
                w.WriteStartObject();
                w.WriteCanonicalNumber("currentA", level.CurrentA);
                w.WriteCanonicalNumber("durationS", level.DurationS);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (step.Loop is { } loop)
        {
            w.WriteStartObject("loop");
            w.WriteNumber("start", loop.StartIndex);
            w.WriteNumber("end", loop.EndIndex);
            w.WriteCanonicalNumber("count", loop.Count);
            if (loop.Until is { } until)
            {
                w.WriteStartObject("until");
                w.WriteString("kind", ProfileJsonNames.Of(until.Kind));
                w.WriteCanonicalNumber("value", until.Value);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("until");
            }

            w.WriteEndObject();
        }
    }
}
