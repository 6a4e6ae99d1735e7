using FormationControl.Controller.Channels;
using FormationControl.Controller.Tests.Support;

namespace FormationControl.Controller.Tests.Polling;

/// <summary>The richer profile language executed over Modbus on a simulated unit: loops, pulses, dV/dt.</summary>
public class ProfileLanguageExecutionTests
{
    private const string Header = """
          "version": "1.0.0",
          "cell": { "chemistry": "NMC", "nominalCapacity": "100 Ah", "nominalVoltage": "3.65 V", "minVoltage": "2.5 V", "maxVoltage": "4.2 V",
                    "maxChargeCurrent": "1C", "maxDischargeCurrent": "1C", "maxTemperature": "60 degC" },
          "safety": { "minVoltage": "2.4 V", "maxVoltage": "4.25 V", "maxCurrent": "120 A", "maxTemperature": "55 degC", "maxStepDuration": "24 h", "maxTotalDuration": "72 h" },
          "logging": { "interval": "60 s", "deltaVoltage": "10 mV" },
        """;

    [Fact]
    public async Task A_counted_loop_runs_its_body_that_many_times()
    {
        var profile = TestProfiles.Parse("{ \"name\": \"loop\", " + Header + """
              "steps": [
                { "label": "up", "type": "chargeCc", "current": "C/2", "limits": [ { "voltage": ">= 3.6 V" }, { "time": "4 h", "then": "fault" } ] },
                { "label": "cycles", "type": "loop", "count": 3, "steps": [
                  { "label": "down", "type": "dischargeCc", "current": "C/2", "limits": [ { "capacity": "5 Ah" }, { "time": "1 h", "then": "fault" } ] },
                  { "label": "back", "type": "chargeCc", "current": "C/2", "limits": [ { "capacity": "5 Ah" }, { "time": "1 h", "then": "fault" } ] }
                ] }
              ]
            }
            """);
        await using var rig = await SimulatedRig.StartAsync(channels: 1);
        var run = await rig.AttachAsync(0, profile);

        await rig.RunUntilFinishedAsync(TimeSpan.FromSeconds(10), TimeSpan.FromHours(10));

        Assert.Equal(ChannelState.Completed, run.State);
        var labels = rig.Store.GetStepResults(run.RunId).OrderBy(s => s.StartedAt).Select(s => s.Label).ToList();
        Assert.Equal(["up", "down", "back", "down", "back", "down", "back"], labels);
        Assert.All(rig.Store.GetStepResults(run.RunId).Skip(1), s => Assert.Equal(5, Math.Abs(s.Ah), 3));
    }

    [Fact]
    public async Task A_pulse_runs_as_timed_legs_and_its_resistance_matches_the_cell()
    {
        var profile = TestProfiles.Parse("{ \"name\": \"pulse\", " + Header + """
              "steps": [
                { "label": "soc", "type": "chargeCc", "current": "C/2", "limits": [ { "capacity": "50 Ah" }, { "time": "3 h", "then": "fault" } ] },
                { "label": "relax", "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "label": "dcir", "type": "pulse", "levels": [ { "discharge": "1C", "duration": "10 s" }, { "rest": "40 s" }, { "charge": "0.75C", "duration": "10 s" } ],
                  "limits": [ { "voltage": "<= 2.8 V", "then": "fault" } ] }
              ]
            }
            """);
        await using var rig = await SimulatedRig.StartAsync(channels: 1);
        var run = await rig.AttachAsync(0, profile);

        await rig.RunUntilFinishedAsync(TimeSpan.FromSeconds(5), TimeSpan.FromHours(6));

        Assert.Equal(ChannelState.Completed, run.State);
        var pulse = rig.Store.GetStepResults(run.RunId).Single(s => s.Label == "dcir");
        Assert.Equal(60, pulse.DurationS, 1);
        Assert.Equal((-100 * 10 + 75 * 10) / 3600.0, pulse.Ah, 3e-5); // three legs, each counted to the 10 µAh of the register
        Assert.Equal("pulse done", pulse.EndReason);
        var truth = rig.Unit.TruthOf(0);
        // After 10 s at 1C the RC pair (tau about 30 s) has charged to 1 - e^(-1/3) of R1: R0 plus about 0.28 R1.
        double expected = truth.R0Ohm + (truth.R1Ohm * (1 - Math.Exp(-10 / truth.Tau1S)));
        Assert.NotNull(pulse.DcirOhm);
        Assert.Equal(expected, pulse.DcirOhm!.Value, 0.05 * expected);
    }

    [Fact]
    public async Task A_rest_ends_when_the_voltage_has_settled_to_the_dvdt_limit()
    {
        var profile = TestProfiles.Parse("{ \"name\": \"settle\", " + Header + """
              "steps": [
                { "label": "charge", "type": "chargeCc", "current": "1C", "limits": [ { "voltage": ">= 3.7 V" }, { "time": "2 h", "then": "fault" } ] },
                { "label": "settle", "type": "rest", "limits": [ { "dvdt": "<= 0.5 mV/min" }, { "time": "3 h", "then": "fault" } ] }
              ]
            }
            """);
        await using var rig = await SimulatedRig.StartAsync(channels: 1);
        var run = await rig.AttachAsync(0, profile);

        await rig.RunUntilFinishedAsync(TimeSpan.FromSeconds(5), TimeSpan.FromHours(6));

        Assert.Equal(ChannelState.Completed, run.State);
        var settle = rig.Store.GetStepResults(run.RunId).Single(s => s.Label == "settle");
        Assert.StartsWith("|dV/dt|", settle.EndReason, StringComparison.Ordinal);
        // The RC pair relaxes with tau about 30 s: 0.5 mV/min is reached within minutes, long before the 3 h guard.
        Assert.InRange(settle.DurationS, 60, 1800);
    }
}
