using FormationControl.Cli.Tests.Support;

namespace FormationControl.Cli.Tests.Commands.Export;

/// <summary>
/// A store holding one real run: <c>fc demo</c> forms one simulated cell (in virtual time) on a short profile with a
/// charge, a two-pass loop of discharge and charge, and a final discharge, logging every 10 s.
/// </summary>
public sealed class LoopRunStore : IAsyncLifetime
{
    public const string Profile = """
        {
          "name": "export-loop", "version": "1.0.0",
          "cell": { "chemistry": "NMC", "nominalCapacity": "100 Ah", "nominalVoltage": "3.65 V", "minVoltage": "2.5 V", "maxVoltage": "4.2 V",
                    "maxChargeCurrent": "1C", "maxDischargeCurrent": "1C", "maxTemperature": "60 degC" },
          "safety": { "minVoltage": "2.4 V", "maxVoltage": "4.25 V", "maxCurrent": "120 A", "maxTemperature": "55 degC", "maxStepDuration": "1 h", "maxTotalDuration": "2 h" },
          "logging": { "interval": "10 s" },
          "steps": [
            { "label": "rest", "type": "rest", "limits": [ { "time": "1 min" } ] },
            { "label": "charge", "type": "chargeCc", "current": "C/2", "limits": [ { "time": "10 min" } ] },
            { "label": "cycles", "type": "loop", "count": 2, "steps": [
              { "type": "dischargeCc", "current": "C/2", "limits": [ { "time": "5 min" } ] },
              { "type": "chargeCc", "current": "C/2", "limits": [ { "time": "5 min" } ] }
            ] },
            { "label": "capacity", "type": "dischargeCc", "current": "C/5", "limits": [ { "time": "5 min" } ] }
          ]
        }
        """;

    public string Folder { get; } = Directory.CreateTempSubdirectory("fc-export-").FullName;

    public string Db => Path.Combine(Folder, "formed.db");

    public async Task InitializeAsync()
    {
        string profile = Path.Combine(Folder, "export-loop.json");
        await File.WriteAllTextAsync(profile, Profile);
        var (code, stdout, stderr) = await FcProcess.RunAsync("demo", "--cells", "1", "--seed", "4", "--db", Db, "--profile", profile, "--ageing-days", "0");
        Assert.True(code == 0, $"fc demo failed ({code}): {stdout}{stderr}");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
