using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Tests.Support;

/// <summary>Small profiles written the way engineers write them, parsed by the real loader.</summary>
internal static class TestProfiles
{
    public const string TwoStepJson = """
        {
          "name": "test-two-step", "version": "1.0.0",
          "cell": { "chemistry": "NMC", "nominalCapacity": "100 Ah", "nominalVoltage": "3.65 V", "minVoltage": "2.5 V", "maxVoltage": "4.2 V",
                    "maxChargeCurrent": "1C", "maxDischargeCurrent": "1C", "maxTemperature": "60 degC" },
          "safety": { "minVoltage": "2.4 V", "maxVoltage": "4.25 V", "maxCurrent": "60 A", "maxTemperature": "55 degC", "maxStepDuration": "24 h", "maxTotalDuration": "72 h" },
          "logging": { "interval": "30 s", "deltaVoltage": "5 mV" },
          "steps": [
            { "label": "charge", "type": "chargeCccv", "current": "C/10", "voltage": "4.2 V",
              "limits": [ { "current": "<= C/50" }, { "time": "16 h", "then": "fault" }, { "energy": "500 Wh", "goto": "capacity" } ] },
            { "label": "capacity", "type": "dischargeCc", "current": "C/5", "limits": [ { "voltage": "<= 3.0 V" }, { "time": "6 h", "then": "fault" } ] }
          ]
        }
        """;

    public static Profile TwoStep => Parse(TwoStepJson);

    public static Profile Parse(string json)
    {
        var result = ProfileLoader.Parse(json, "test.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Profile!;
    }
}
