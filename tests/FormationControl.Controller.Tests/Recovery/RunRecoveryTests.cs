using FormationControl.Controller.Channels;
using FormationControl.Controller.Operations;
using FormationControl.Controller.Recovery;
using FormationControl.Controller.Tests.Support;
using FormationControl.Core.Profiles;
using FormationControl.Devices.Cycler;
using FormationControl.Storage;

namespace FormationControl.Controller.Tests.Recovery;

/// <summary>
/// The controller abandoned mid-run (connection closed, supervisor, poller and journal dropped without another write)
/// and a new one reattached over the same store and simulated unit, in virtual time. The unit's own step sequence
/// counter is the truth: it counts every step the device was ever told to start.
/// </summary>
public class RunRecoveryTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    private const string Header = """
          "version": "1.0.0",
          "cell": { "chemistry": "NMC", "nominalCapacity": "100 Ah", "nominalVoltage": "3.65 V", "minVoltage": "2.5 V", "maxVoltage": "4.2 V",
                    "maxChargeCurrent": "1C", "maxDischargeCurrent": "1C", "maxTemperature": "60 degC" },
          "safety": { "minVoltage": "2.4 V", "maxVoltage": "4.25 V", "maxCurrent": "120 A", "maxTemperature": "55 degC", "maxStepDuration": "24 h", "maxTotalDuration": "72 h" },
          "logging": { "interval": "60 s", "deltaVoltage": "10 mV" },
        """;

    private static readonly string ChargeRestDischargeText = "{ \"name\": \"crd\", " + Header + """
          "steps": [
            { "label": "charge", "type": "chargeCc", "current": "1C", "limits": [ { "voltage": ">= 3.7 V" }, { "time": "2 h", "then": "fault" } ] },
            { "label": "rest", "type": "rest", "limits": [ { "time": "10 min" } ] },
            { "label": "discharge", "type": "dischargeCc", "current": "1C", "limits": [ { "voltage": "<= 3.4 V" }, { "time": "2 h", "then": "fault" } ] }
          ]
        }
        """;

    private static readonly Profile ChargeRestDischarge = TestProfiles.Parse(ChargeRestDischargeText);

    [Fact]
    public async Task A_step_still_running_on_the_device_goes_on_and_ends_once()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 1);
        var run = await rig.AttachAsync(0, ChargeRestDischarge);
        var startedAt = rig.Clock.GetUtcNow();
        await PollAsync(rig, 10);
        Assert.Equal((ChannelState.InStep, 0), (run.State, run.StepIndex));

        var recovered = Assert.Single(await rig.RestartControllerAsync());

        Assert.True(recovered.IsAttached, recovered.Detail);
        Assert.Equal((ChannelState.InStep, 0), (recovered.Run!.State, recovered.Run.StepIndex));
        await rig.RunUntilFinishedAsync(Poll, TimeSpan.FromHours(6));
        Assert.Equal(ChannelState.Completed, recovered.Run.State);
        var steps = await AssertEveryStepOnceAsync(rig, run.RunId, ["charge", "rest", "discharge"]);
        Assert.Equal(startedAt, steps[0].StartedAt);
        Assert.Equal(3.7, steps[0].EndVoltageV, 3);
        Assert.True(steps[0].DurationS > 10 * Poll.TotalSeconds, "the charge ran on from before the restart, it was not started again");
    }

    [Fact]
    public async Task A_step_the_device_finished_while_the_controller_was_down_is_recorded_once_with_its_latched_ends()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 1);
        var run = await rig.AttachAsync(0, ChargeRestDischarge);
        await PollAsync(rig, 3);
        rig.Clock.Advance(TimeSpan.FromHours(2)); // down long enough for the charge to reach its cut-off
        Assert.Equal(ChannelDeviceState.StepComplete, rig.Unit.ReadChannelState(0).State);

        var recovered = Assert.Single(await rig.RestartControllerAsync());
        await PollAsync(rig, 1);

        var charge = Assert.Single(rig.Store.GetStepResults(run.RunId));
        var device = rig.Unit.ReadChannelState(0);
        Assert.Equal(("charge", "voltage >= 3.7 V"), (charge.Label, charge.EndReason));
        Assert.Equal(3.7, charge.EndVoltageV, 3);         // latched at the cut-off, not the relaxed voltage two hours later
        Assert.Equal(100, charge.EndCurrentA, 1);
        Assert.True(charge.DurationS < TimeSpan.FromHours(2).TotalSeconds, $"the device's step time, not the downtime ({charge.DurationS} s)");
        Assert.Equal((1, ChannelState.Starting), (recovered.Run!.StepIndex, recovered.Run.State));
        Assert.Equal(2, device.StepSequence);

        await rig.RunUntilFinishedAsync(Poll, TimeSpan.FromHours(6));
        await AssertEveryStepOnceAsync(rig, run.RunId, ["charge", "rest", "discharge"]);
    }

    [Fact]
    public async Task Nested_loops_resume_at_the_pass_they_were_in()
    {
        var profile = TestProfiles.Parse("{ \"name\": \"nested\", " + Header + """
              "steps": [
                { "label": "up", "type": "chargeCc", "current": "C/2", "limits": [ { "capacity": "10 Ah" }, { "time": "1 h", "then": "fault" } ] },
                { "label": "outer", "type": "loop", "count": 2, "steps": [
                  { "label": "inner", "type": "loop", "count": 3, "steps": [
                    { "label": "down", "type": "dischargeCc", "current": "C/2", "limits": [ { "capacity": "2 Ah" }, { "time": "1 h", "then": "fault" } ] },
                    { "label": "back", "type": "chargeCc", "current": "C/2", "limits": [ { "capacity": "2 Ah" }, { "time": "1 h", "then": "fault" } ] }
                  ] },
                  { "label": "pause", "type": "rest", "limits": [ { "time": "1 min" } ] }
                ] }
              ]
            }
            """);
        await using var rig = await SimulatedRig.StartAsync(channels: 1);
        var run = await rig.AttachAsync(0, profile);
        var passes = new List<string>();

        foreach (int results in new[] { 5, 11 })
        {
            while (rig.Store.GetStepResults(run.RunId).Count < results)
            {
                await PollAsync(rig, 1);
            }

            await PollAsync(rig, 2); // into the next step
            var before = rig.Supervisor.Runs[0];
            passes.Add(before.Sequence.ToString());
            var recovered = Assert.Single(await rig.RestartControllerAsync());
            Assert.Equal((before.StepIndex, before.Sequence), (recovered.Run!.StepIndex, recovered.Run.Sequence));
        }

        await rig.RunUntilFinishedAsync(Poll, TimeSpan.FromHours(6));
        Assert.Equal(["[#1 pass 1, #2 pass 3]", "[#1 pass 2, #2 pass 2]"], passes);
        Assert.Equal(ChannelState.Completed, rig.Supervisor.Runs[0].State);
        string[] pass = ["down", "back", "down", "back", "down", "back", "pause"];
        await AssertEveryStepOnceAsync(rig, run.RunId, ["up", .. pass, .. pass]);
    }

    [Fact]
    public async Task Every_step_start_reaches_the_device_only_after_the_checkpoint_that_describes_it_is_committed()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 1);
        var run = await rig.AttachAsync(0, ChargeRestDischarge);
        var seen = new List<(ushort Device, ushort Checkpointed, int Results)>();
        rig.Cable.BeforeWrite = (_, count) =>
        {
            if (count > 1) // a step start: the whole command block in one write
            {
                var checkpoint = RunCheckpoint.FromJson(rig.Store.FindCheckpoint(run.RunId)!.Content);
                seen.Add((rig.Unit.ReadChannelState(0).StepSequence, checkpoint.ExpectedSequence, rig.Store.GetStepResults(run.RunId).Count));
            }
        };

        await rig.RunUntilFinishedAsync(Poll, TimeSpan.FromHours(6));

        Assert.Equal([(0, 1, 0), (1, 2, 1), (2, 3, 2)], seen.Select(s => ((int)s.Device, (int)s.Checkpointed, s.Results)));
    }

    [Fact]
    public async Task A_device_that_lost_the_step_faults_the_run_and_nothing_is_restarted()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 1);
        var run = await rig.AttachAsync(0, ChargeRestDischarge);
        await PollAsync(rig, 3);
        // While the controller is down someone else drives the channel: the step the run expects is gone.
        await new CyclerDriver(rig.Master, rig.Map, 1, 1).StartStepAsync(0, new StepCommand(ChannelMode.Rest, CutoffTime: TimeSpan.FromMinutes(1)));
        rig.Clock.Advance(TimeSpan.FromMinutes(2));

        var recovered = Assert.Single(await rig.RestartControllerAsync());
        await PollAsync(rig, 3);

        Assert.Equal(ChannelState.Faulted, recovered.Run!.State);
        Assert.StartsWith("recovery: the device no longer holds step 1 (it reports StepComplete, step sequence 2, expected 1)", recovered.Run.Reason, StringComparison.Ordinal);
        Assert.Equal(2, rig.Unit.ReadChannelState(0).StepSequence);
        Assert.Equal(RunStatus.Faulted, rig.Store.FindRun(run.RunId)!.Status);
        Assert.Empty(rig.Store.GetStepResults(run.RunId));
    }

    [Fact]
    public async Task A_fault_nobody_acknowledged_still_blocks_its_channel_after_a_restart_until_it_is_acknowledged()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 1);
        var run = await rig.AttachAsync(0, ChargeRestDischarge);
        await PollAsync(rig, 3);
        await new CyclerDriver(rig.Master, rig.Map, 1, 1).StartStepAsync(0, new StepCommand(ChannelMode.Rest, CutoffTime: TimeSpan.FromMinutes(1)));
        await PollAsync(rig, 2); // the run sees a step it did not start and faults
        Assert.Equal(ChannelState.Faulted, run.State);

        var fault = Assert.Single(await rig.RestartControllerAsync(restoreFaults: true));

        Assert.Equal((ChannelState.Faulted, run.RunId), (fault.Run!.State, fault.Run.RunId));
        Assert.Contains("is Faulted and awaits acknowledgement", fault.Detail, StringComparison.Ordinal);
        var ops = new RackOperations([rig.Supervisor], rig.Store, rig.Journal, rig.Clock);
        var engineer = new OperatorIdentity("Erik", OperatorRole.Engineer);
        var request = new StartRequest(ProfileLoader.Parse(ChargeRestDischargeText, "crd.json"), [1], new Dictionary<int, string> { [1] = "CELL-NEW" }, Engineering: true);
        var refused = Assert.Single(await WithPollsAsync(rig, ops.StartAsync(request, engineer)));
        Assert.StartsWith("channel busy: cell CELL-001 faulted", refused.Detail, StringComparison.Ordinal);
        Assert.True((await WithPollsAsync(rig, ops.AcknowledgeAsync(1, engineer))).Accepted);

        // Acknowledged: the next restart leaves the channel free.
        Assert.Empty(await rig.RestartControllerAsync(restoreFaults: true));
    }

    [Fact]
    public async Task A_run_whose_unit_is_not_configured_any_more_is_reported_and_stays_open()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 1);
        var run = await rig.AttachAsync(0, ChargeRestDischarge);
        await PollAsync(rig, 3);

        var recovered = Assert.Single(await rig.RestartControllerAsync(unitName: "U02"));

        Assert.False(recovered.IsAttached);
        Assert.Equal(run.RunId, recovered.Record.Id);
        Assert.Contains("is on unit U01, which this rack configuration does not have", recovered.Detail, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Running, rig.Store.FindRun(run.RunId)!.Status);
        Assert.NotNull(rig.Store.FindCheckpoint(run.RunId));
        var audit = Assert.Single(rig.Store.GetAudit());
        Assert.Equal(("recover", false, run.RunId), (audit.Action, audit.Accepted, audit.RunId));
    }

    // Every step of the run exactly once, in order, and as many as the device was told to start; samples in time order, none twice.
    private static async Task<IReadOnlyList<StepResultRecord>> AssertEveryStepOnceAsync(SimulatedRig rig, long runId, string[] labels)
    {
        await rig.Store.FlushAsync();
        var steps = rig.Store.GetStepResults(runId).OrderBy(s => s.StartedAt).ToList();
        Assert.Equal(labels, steps.Select(s => s.Label));
        Assert.Equal(labels.Length, rig.Unit.ReadChannelState(0).StepSequence);
        Assert.Equal(RunStatus.Completed, rig.Store.FindRun(runId)!.Status);
        Assert.Null(rig.Store.FindCheckpoint(runId));
        var samples = rig.Store.GetSamples(runId);
        Assert.All(samples.Zip(samples.Skip(1)), pair => Assert.True(pair.First.Time < pair.Second.Time, $"samples at {pair.First.Time:O} and {pair.Second.Time:O}"));
        return steps;
    }

    // Operator requests are carried out by the next poll: poll until the request is answered (bounded).
    private static async Task<T> WithPollsAsync<T>(SimulatedRig rig, Task<T> request)
    {
        for (int i = 0; i < 10 && !request.IsCompleted; i++)
        {
            await PollAsync(rig, 1);
        }

        return await request.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task PollAsync(SimulatedRig rig, int polls)
    {
        for (int i = 0; i < polls; i++)
        {
            await rig.Poller.PollOnceAsync(CancellationToken.None);
            rig.Clock.Advance(Poll);
        }
    }
}
