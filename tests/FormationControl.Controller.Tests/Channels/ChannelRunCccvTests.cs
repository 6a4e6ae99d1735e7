using FormationControl.Controller.Channels;
using FormationControl.Controller.Tests.Support;
using FormationControl.Storage;

namespace FormationControl.Controller.Tests.Channels;

/// <summary>The CC and CV parts of a CCCV step, recorded with its result, checked against a run polled ten times as often.</summary>
public class ChannelRunCccvTests
{
    private const string Charge = """
        {
          "name": "cccv", "version": "1.0.0",
          "cell": { "chemistry": "NMC", "nominalCapacity": "100 Ah", "nominalVoltage": "3.65 V", "minVoltage": "2.5 V", "maxVoltage": "4.2 V",
                    "maxChargeCurrent": "1C", "maxDischargeCurrent": "1C", "maxTemperature": "60 degC" },
          "safety": { "minVoltage": "2.4 V", "maxVoltage": "4.25 V", "maxCurrent": "120 A", "maxTemperature": "55 degC", "maxStepDuration": "24 h", "maxTotalDuration": "72 h" },
          "logging": { "interval": "5 min" },
          "steps": [
            { "label": "charge", "type": "chargeCccv", "current": "1C", "voltage": "3.9 V", "limits": [ { "current": "<= C/10" }, { "time": "4 h", "then": "fault" } ] }
          ]
        }
        """;

    [Fact]
    public async Task A_cccv_step_records_its_constant_current_and_constant_voltage_parts_to_within_a_fine_poll()
    {
        var coarse = await ChargeAsync(TimeSpan.FromSeconds(60));
        var fine = await ChargeAsync(TimeSpan.FromSeconds(6));

        foreach (var step in new[] { coarse, fine })
        {
            Assert.Equal(step.DurationS, step.CcDurationS!.Value + step.CvDurationS!.Value, 6);
            Assert.Equal(step.Ah, step.CcAh!.Value + step.CvAh!.Value, 9);
            Assert.InRange(step.CcDurationS.Value, 0.2 * step.DurationS, 0.95 * step.DurationS); // both parts are real
            Assert.Equal(100 * step.CcDurationS.Value / 3600, step.CcAh.Value, 0.01);             // CC is at 1C throughout
        }

        // A poll ten times coarser finds the change to constant voltage within a few seconds of the fine one.
        Assert.InRange(coarse.CcDurationS!.Value - fine.CcDurationS!.Value, -10, 10);
    }

    private static async Task<StepResultRecord> ChargeAsync(TimeSpan poll)
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 1, seed: 4);
        var run = await rig.AttachAsync(0, TestProfiles.Parse(Charge));
        await rig.RunUntilFinishedAsync(poll, TimeSpan.FromHours(5));
        Assert.Equal(ChannelState.Completed, run.State);
        await rig.Store.FlushAsync();
        return Assert.Single(rig.Store.GetStepResults(run.RunId));
    }
}
