using System.Text.Json;
using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Recovery;

/// <summary>
/// Rebuilds a <see cref="Profile"/> from its canonical text (<see cref="ProfileHash.CanonicalText"/>), the form the store
/// keeps by hash, so that a restarted controller continues a run without the profile's file. The canonical text holds
/// every value a run uses, already resolved; the rebuilt profile is accepted only when it hashes to the stored hash.
/// </summary>
public static class StoredProfileReader
{
    /// <summary>The profile with <paramref name="expectedHash"/> whose canonical text is <paramref name="canonicalText"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not a canonical profile, or it does not hash to the expected hash.</exception>
    public static Profile Read(string canonicalText, string expectedHash)
    {
        ArgumentNullException.ThrowIfNull(canonicalText);
        ArgumentNullException.ThrowIfNull(expectedHash);
        Profile profile;
        try
        {
            using var document = JsonDocument.Parse(canonicalText);
            profile = ReadProfile(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"stored profile {Short(expectedHash)} is not a canonical profile text: {e.Message}", e);
        }

        string hash = ProfileHash.Compute(profile);
        return hash == expectedHash
            ? profile with { Hash = hash }
            : throw new InvalidDataException($"stored profile {Short(expectedHash)} hashes to {Short(hash)}: its text does not match its key");
    }

    /// <summary>The record to store for <paramref name="profile"/>.</summary>
    public static Storage.StoredProfileRecord ToRecord(Profile profile, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new(profile.Hash, profile.Name, profile.Version, ProfileHash.CanonicalText(profile), now);
    }

    private static Profile ReadProfile(JsonElement root)
    {
        string format = root.GetProperty("format").GetString()!;
        if (format != ProfileHash.Format)
        {
            throw new FormatException($"format '{format}', this build reads '{ProfileHash.Format}'");
        }

        var cell = root.GetProperty("cell");
        var safety = root.GetProperty("safety");
        return new Profile(
            root.GetProperty("name").GetString()!,
            root.GetProperty("version").GetString()!,
            string.Empty,
            new CellSpec(
                cell.GetProperty("chemistry").GetString()!,
                cell.GetProperty("nominalCapacityAh").GetDouble(),
                cell.GetProperty("nominalVoltageV").GetDouble(),
                cell.GetProperty("minVoltageV").GetDouble(),
                cell.GetProperty("maxVoltageV").GetDouble(),
                cell.GetProperty("maxChargeCurrentA").GetDouble(),
                cell.GetProperty("maxDischargeCurrentA").GetDouble(),
                cell.GetProperty("maxTemperatureC").GetDouble()),
            new SafetyLimits(
                safety.GetProperty("minVoltageV").GetDouble(),
                safety.GetProperty("maxVoltageV").GetDouble(),
                safety.GetProperty("maxCurrentA").GetDouble(),
                safety.GetProperty("maxTemperatureC").GetDouble(),
                Seconds(safety, "maxStepDurationS"),
                Seconds(safety, "maxTotalDurationS"),
                safety.TryGetProperty("onCommLoss", out var onCommLoss) && onCommLoss.GetString() == "resume"),
            Logging(root.GetProperty("logging")) ?? throw new FormatException("the profile has no logging criteria"),
            [.. root.GetProperty("steps").EnumerateArray().Select(ReadStep)]);
    }

    private static ProfileStep ReadStep(JsonElement step)
    {
        string type = step.GetProperty("type").GetString()!;
        return new ProfileStep(
            step.GetProperty("index").GetInt32(),
            step.GetProperty("label").GetString(),
            StepTypeOf(type),
            Number(step, "currentA"),
            Number(step, "voltageV"),
            [.. step.GetProperty("limits").EnumerateArray().Select(ReadLimit)],
            Logging(step.GetProperty("logging")))
        {
            PowerW = Number(step, "powerW"),
            ResistanceOhm = Number(step, "resistanceOhm"),
            PulseLevels = step.TryGetProperty("pulse", out var pulse)
                ? [.. pulse.EnumerateArray().Select(l => new PulseLevel(l.GetProperty("currentA").GetDouble(), l.GetProperty("durationS").GetDouble()))]
                : null,
            Loop = step.TryGetProperty("loop", out var loop) ? ReadLoop(loop) : null,
        };
    }

    private static StepLimit ReadLimit(JsonElement limit) => new(
        Named<LimitKind>(limit.GetProperty("kind").GetString()!, ProfileJsonNames.Of),
        limit.GetProperty("value").GetDouble(),
        Named<LimitAction>(limit.GetProperty("action").GetString()!, ProfileJsonNames.Of),
        limit.GetProperty("goto").GetString());

    private static LoopSpec ReadLoop(JsonElement loop)
    {
        var until = loop.GetProperty("until");
        return new LoopSpec(
            loop.GetProperty("start").GetInt32(),
            loop.GetProperty("end").GetInt32(),
            loop.GetProperty("count").ValueKind == JsonValueKind.Null ? null : loop.GetProperty("count").GetInt32(),
            until.ValueKind == JsonValueKind.Null
                ? null
                : new LoopCondition(Named<LimitKind>(until.GetProperty("kind").GetString()!, ProfileJsonNames.Of), until.GetProperty("value").GetDouble()));
    }

    private static LoggingCriteria? Logging(JsonElement logging) => logging.ValueKind == JsonValueKind.Null
        ? null
        : new LoggingCriteria(Seconds(logging, "intervalS"), Number(logging, "deltaVoltageV"), Number(logging, "deltaCurrentA"));

    private static StepType StepTypeOf(string name) =>
        name == ProfileJsonNames.Of(StepType.LoopEnd) ? StepType.LoopEnd
        : ProfileJsonNames.TryParseStepType(name, out var type) ? type
        : throw new FormatException($"unknown step type '{name}'");

    private static TEnum Named<TEnum>(string name, Func<TEnum, string> nameOf)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => nameOf(v) == name).Select(v => (TEnum?)v).FirstOrDefault()
        ?? throw new FormatException($"unknown {typeof(TEnum).Name} '{name}'");

    private static double? Number(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDouble() : null;

    private static TimeSpan? Seconds(JsonElement owner, string name) => Number(owner, name) is { } s ? TimeSpan.FromSeconds(s) : null;

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
