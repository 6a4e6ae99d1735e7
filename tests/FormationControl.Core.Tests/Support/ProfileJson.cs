namespace FormationControl.Core.Tests.Support;

/// <summary>Small valid profile texts for tests to break one piece at a time. One field per line, so positions are easy to read.</summary>
internal static class ProfileJson
{
    public const string Cell = """
          "cell": {
            "chemistry": "NMC",
            "nominalCapacity": "100 Ah",
            "nominalVoltage": "3.65 V",
            "minVoltage": "2.5 V",
            "maxVoltage": "4.2 V",
            "maxChargeCurrent": "1C",
            "maxDischargeCurrent": "1C",
            "maxTemperature": "60 degC"
          }
        """;

    public const string Safety = """
          "safety": {
            "minVoltage": "2.4 V",
            "maxVoltage": "4.25 V",
            "maxCurrent": "60 A",
            "maxTemperature": "55 degC",
            "maxStepDuration": "24 h",
            "maxTotalDuration": "72 h"
          }
        """;

    public const string Logging = """
          "logging": { "interval": "30 s", "deltaVoltage": "5 mV" }
        """;

    public const string RestStep = """
            { "type": "rest", "limits": [ { "time": "10 min" } ] }
        """;

    /// <summary>A profile with the given steps (the text inside the steps array) and sections.</summary>
    public static string With(string steps = RestStep, string cell = Cell, string safety = Safety, string logging = Logging) =>
        "{\n  \"name\": \"test\",\n  \"version\": \"1.0.0\",\n"
        + cell.TrimEnd() + ",\n"
        + safety.TrimEnd() + ",\n"
        + logging.TrimEnd() + ",\n"
        + "  \"steps\": [\n" + steps.TrimEnd() + "\n  ]\n}\n";

    /// <summary>The shipped sample files, copied next to the test assembly.</summary>
    public static string SamplePath(string relative) => Path.Combine(AppContext.BaseDirectory, "profiles", relative);

    /// <summary>Every shipped sample profile (profiles/*.json).</summary>
    public static IEnumerable<string> SampleProfiles() => Directory.EnumerateFiles(SamplePath(string.Empty), "*.json").Order(StringComparer.Ordinal);

    /// <summary>The test corpus of files in Profiles/Corpus/<paramref name="folder"/>.</summary>
    public static IEnumerable<string> Corpus(string folder) =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Profiles", "Corpus", folder), "*.json").Order(StringComparer.Ordinal);
}
