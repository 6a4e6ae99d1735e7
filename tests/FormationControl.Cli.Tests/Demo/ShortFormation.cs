using FormationControl.Core.Profiles;

namespace FormationControl.Cli.Tests.Demo;

/// <summary>
/// A formation of about 10 h for tests: the labels the recipes read (precharge, charge-1, discharge-1, capacity) at
/// C/2 instead of C/10 and C/5. The capacity is still measured from a full CCCV charge (to C/20) down to 3.0 V, where
/// the NMC OCV falls so steeply that the cut-off lands at 0 % SOC whatever the current.
/// </summary>
internal static class ShortFormation
{
    public static Profile Load()
    {
        var result = ProfileLoader.Parse(Json, "short-formation.json");
        Assert.True(result.Profile is not null, string.Join("\n", result.Diagnostics));
        return result.Profile!;
    }

    private const string Json = """
        {
          "name": "nmc-100ah-short-formation",
          "version": "1.0.0",
          "cell": {
            "chemistry": "NMC", "nominalCapacity": "100 Ah", "nominalVoltage": "3.65 V", "minVoltage": "2.5 V", "maxVoltage": "4.2 V",
            "maxChargeCurrent": "1C", "maxDischargeCurrent": "1C", "maxTemperature": "60 degC"
          },
          "safety": { "minVoltage": "2.4 V", "maxVoltage": "4.25 V", "maxCurrent": "60 A", "maxTemperature": "55 degC", "maxStepDuration": "8 h", "maxTotalDuration": "16 h" },
          "logging": { "interval": "5 min", "deltaVoltage": "20 mV" },
          "steps": [
            { "label": "precharge", "type": "chargeCc", "current": "C/5", "limits": [ { "voltage": ">= 3.6 V" }, { "time": "4 h", "then": "fault" } ] },
            { "label": "charge-1", "type": "chargeCccv", "current": "C/2", "voltage": "4.2 V", "limits": [ { "current": "<= C/20" }, { "time": "5 h", "then": "fault" } ] },
            { "label": "rest-1", "type": "rest", "limits": [ { "time": "10 min" } ] },
            { "label": "discharge-1", "type": "dischargeCc", "current": "C/2", "limits": [ { "voltage": "<= 3.0 V" }, { "time": "3 h", "then": "fault" } ] },
            { "label": "rest-2", "type": "rest", "limits": [ { "time": "10 min" } ] },
            { "label": "charge-2", "type": "chargeCccv", "current": "C/2", "voltage": "4.2 V", "limits": [ { "current": "<= C/20" }, { "time": "5 h", "then": "fault" } ] },
            { "label": "rest-3", "type": "rest", "limits": [ { "time": "10 min" } ] },
            { "label": "capacity", "type": "dischargeCc", "current": "C/2", "limits": [ { "voltage": "<= 3.0 V" }, { "time": "3 h", "then": "fault" } ] },
            { "label": "rest-4", "type": "rest", "limits": [ { "time": "10 min" } ] }
          ]
        }
        """;
}
