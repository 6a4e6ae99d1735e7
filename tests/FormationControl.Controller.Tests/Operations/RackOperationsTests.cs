using FormationControl.Controller.Channels;
using FormationControl.Controller.Operations;
using FormationControl.Controller.Tests.Support;
using FormationControl.Core.Profiles;
using FormationControl.Devices.Cycler;
using FormationControl.Storage;

namespace FormationControl.Controller.Tests.Operations;

public class RackOperationsTests
{
    private const string Profile = """
        {
          "name": "ops-cycle", "version": "1.0.0",
          "cell": { "chemistry": "NMC", "nominalCapacity": "100 Ah", "nominalVoltage": "3.65 V", "minVoltage": "2.5 V", "maxVoltage": "4.2 V",
                    "maxChargeCurrent": "1C", "maxDischargeCurrent": "1C", "maxTemperature": "60 degC" },
          "safety": { "minVoltage": "2.4 V", "maxVoltage": "4.25 V", "maxCurrent": "120 A", "maxTemperature": "55 degC", "maxStepDuration": "24 h", "maxTotalDuration": "72 h" },
          "logging": { "interval": "60 s" },
          "steps": [
            { "label": "charge", "type": "chargeCc", "current": "C/2", "limits": [ { "time": "40 min" } ] },
            { "label": "rest", "type": "rest", "limits": [ { "time": "10 min" } ] },
            { "label": "discharge", "type": "dischargeCc", "current": "C/2", "limits": [ { "voltage": "<= 2.8 V" }, { "time": "20 min" } ] }
          ]
        }
        """;

    private static readonly OperatorIdentity Tech = new("Tina", OperatorRole.Technician);
    private static readonly OperatorIdentity Engineer = new("Erik", OperatorRole.Engineer);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Each_refused_start_says_why_and_is_audited()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 4);
        var ops = new RackOperations([rig.Supervisor], rig.Store, rig.Journal, rig.Clock);
        var profile = Load(Profile);
        var cells = new Dictionary<int, string> { [1] = "C1", [2] = "C2", [3] = "C3" };

        var invalid = await ops.StartAsync(new StartRequest(ProfileLoader.Parse("{}", "bad.json"), [1], cells), Tech);
        Assert.StartsWith("profile invalid:", Assert.Single(invalid).Detail, StringComparison.Ordinal);

        var unreleased = await ops.StartAsync(new StartRequest(profile, [1], cells), Tech);
        Assert.StartsWith("profile not released:", Assert.Single(unreleased).Detail, StringComparison.Ordinal);

        var notEngineer = await ops.StartAsync(new StartRequest(profile, [1], cells, Engineering: true), Tech);
        Assert.Equal("engineering mode needs the engineer role", Assert.Single(notEngineer).Detail);

        await rig.Store.ReleaseProfileAsync(new ProfileReleaseRecord(profile.Profile!.Hash, "ops-cycle", "1.0.0", "Erik", rig.Clock.GetUtcNow()));
        rig.Cable.ZeroedInputs.Add(rig.Map.Channel.AddressOf(rig.Map.Channel.Field("contact"), 2)); // rack channel 3
        var batch = StartAndPoll(rig, ops, new StartRequest(profile, [1, 3, 4], cells), Tech);
        var outcomes = await batch;
        Assert.True(outcomes[0].Accepted, outcomes[0].Detail);
        Assert.Equal("contact check failed: no contact to cell C3", outcomes[1].Detail);
        Assert.Equal("no cell: the tray has no barcode for position 4", outcomes[2].Detail);

        var busy = await StartAndPoll(rig, ops, new StartRequest(profile, [1], cells), Tech);
        Assert.StartsWith("channel busy: cell C1 is ", Assert.Single(busy).Detail, StringComparison.Ordinal);

        var audit = rig.Store.GetAudit();
        Assert.Equal(7, audit.Count);
        Assert.All(audit, a => Assert.Equal("start", a.Action));
        Assert.Single(audit, a => a.Accepted);
        Assert.Contains(audit, a => a is { Target: "U01/3", Operator: "Tina", Role: "technician" } && a.Detail.StartsWith("contact check failed", StringComparison.Ordinal));
        Assert.Equal(outcomes[0].RunId, audit.Single(a => a.Accepted).RunId);
    }

    [Fact]
    public async Task A_paused_step_resumes_with_what_is_left_of_it_and_is_recorded_once()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 2);
        var ops = new RackOperations([rig.Supervisor], rig.Store, rig.Journal, rig.Clock);
        var profile = Load(Profile);
        var started = await StartAndPoll(rig, ops, new StartRequest(profile, [1, 2], new Dictionary<int, string> { [1] = "P1", [2] = "REF" }, Engineering: true), Engineer);
        Assert.All(started, o => Assert.True(o.Accepted, o.Detail));
        await Advance(rig, TimeSpan.FromMinutes(10));

        var paused = await Do(rig, ops.PauseAsync(1, Tech));
        Assert.True(paused.Accepted, paused.Detail);
        var run = rig.Supervisor.Runs[0];
        Assert.Equal(ChannelState.PausedByOperator, run.State);
        await Advance(rig, TimeSpan.FromMinutes(30)); // paused: the device output stays off
        Assert.Equal(ChannelDeviceState.StepComplete, rig.Supervisor.LastSnapshot!.Channels[0].State);
        Assert.Equal(0, rig.Supervisor.LastSnapshot.Channels[0].CurrentA);

        var resumed = await Do(rig, ops.ResumeAsync(1, Tech));
        Assert.True(resumed.Accepted, resumed.Detail);
        await rig.RunUntilFinishedAsync(Poll, TimeSpan.FromHours(3));

        Assert.Equal(ChannelState.Completed, run.State);
        await rig.Store.FlushAsync();
        var steps = rig.Store.GetStepResults(run.RunId);
        var reference = rig.Store.GetStepResults(rig.Supervisor.Runs[1].RunId);
        Assert.Equal(["charge", "rest", "discharge"], steps.Select(s => s.Label));
        Assert.InRange(steps[0].DurationS, 2400 - 11, 2400 + 11); // 40 min of charge, the pause not counted
        Assert.Equal(reference[0].Ah, steps[0].Ah, 1);
        Assert.True(steps[0].EndedAt - steps[0].StartedAt > TimeSpan.FromMinutes(65));
        Assert.Equal(["start", "start", "pause", "resume"], rig.Store.GetAudit().Select(a => a.Action));
    }

    [Fact]
    public async Task Stop_aborts_and_records_the_step_so_far_and_a_jump_needs_an_engineer()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 2);
        var ops = new RackOperations([rig.Supervisor], rig.Store, rig.Journal, rig.Clock);
        var profile = Load(Profile);
        await StartAndPoll(rig, ops, new StartRequest(profile, [1, 2], new Dictionary<int, string> { [1] = "S1", [2] = "J1" }, Engineering: true), Engineer);
        await Advance(rig, TimeSpan.FromMinutes(5));

        var stopped = await Do(rig, ops.StopAsync(1, Tech));
        Assert.True(stopped.Accepted, stopped.Detail);
        var stoppedRun = rig.Supervisor.Runs[0];
        Assert.Equal(ChannelState.Aborted, stoppedRun.State);

        var refused = await Do(rig, ops.JumpAsync(2, "discharge", Tech));
        Assert.Equal("a jump to step discharge needs the engineer role", refused.Detail);
        var jumped = await Do(rig, ops.JumpAsync(2, "discharge", Engineer));
        Assert.True(jumped.Accepted, jumped.Detail);
        await rig.RunUntilFinishedAsync(Poll, TimeSpan.FromHours(2));

        await rig.Store.FlushAsync();
        var stoppedRecord = rig.Store.FindRun(stoppedRun.RunId)!;
        Assert.Equal(RunStatus.Aborted, stoppedRecord.Status);
        Assert.Equal("stopped by Tina", stoppedRecord.EndNote);
        var partial = Assert.Single(rig.Store.GetStepResults(stoppedRun.RunId));
        Assert.Equal("stopped by Tina", partial.EndReason);
        Assert.InRange(partial.DurationS, 290, 320);

        Assert.True(rig.Supervisor.Runs[1].State == ChannelState.Completed, rig.Supervisor.Runs[1].Reason);
        var jumpedSteps = rig.Store.GetStepResults(rig.Supervisor.Runs[1].RunId);
        Assert.Equal(["charge", "discharge"], jumpedSteps.Select(s => s.Label));
        Assert.Equal("operator jump to step 3", jumpedSteps[0].EndReason);
        Assert.Equal(ChannelState.Completed, rig.Supervisor.Runs[1].State);
    }

    [Fact]
    public async Task A_fault_blocks_the_channel_until_acknowledged()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 1);
        var ops = new RackOperations([rig.Supervisor], rig.Store, rig.Journal, rig.Clock);
        var faulting = Load(Profile.Replace("{ \"time\": \"40 min\" }", "{ \"voltage\": \">= 4.1 V\" }, { \"time\": \"1 min\", \"then\": \"fault\" }", StringComparison.Ordinal));
        var cells = new Dictionary<int, string> { [1] = "F1" };
        var first = Assert.Single(await StartAndPoll(rig, ops, new StartRequest(faulting, [1], cells, Engineering: true), Engineer));
        Assert.True(first.Accepted, first.Detail);
        await Advance(rig, TimeSpan.FromMinutes(3));
        Assert.Equal(ChannelState.Faulted, rig.Supervisor.Runs[0].State);

        var blocked = await StartAndPoll(rig, ops, new StartRequest(faulting, [1], cells, Engineering: true), Engineer);
        Assert.Contains("acknowledge the fault first", Assert.Single(blocked).Detail, StringComparison.Ordinal);
        var nothingToAck = await Do(rig, ops.AcknowledgeAsync(1, Tech));
        Assert.True(nothingToAck.Accepted, nothingToAck.Detail);
        Assert.Equal(ChannelState.Acknowledged, rig.Supervisor.Runs[0].State);
        var twice = await Do(rig, ops.AcknowledgeAsync(1, Tech));
        Assert.False(twice.Accepted);

        var again = await StartAndPoll(rig, ops, new StartRequest(faulting, [1], cells, Engineering: true), Engineer);
        Assert.True(Assert.Single(again).Accepted);
    }

    private static ProfileLoadResult Load(string json) => ProfileLoader.Parse(json, "ops.json");

    private static async Task<IReadOnlyList<ChannelOutcome>> StartAndPoll(SimulatedRig rig, RackOperations ops, StartRequest request, OperatorIdentity who)
    {
        var start = ops.StartAsync(request, who);
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        return await start.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task<ChannelOutcome> Do(SimulatedRig rig, Task<ChannelOutcome> operation)
    {
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        rig.Clock.Advance(Poll);
        var outcome = await operation.WaitAsync(TimeSpan.FromSeconds(10));
        await rig.Poller.PollOnceAsync(CancellationToken.None); // the device reports what the operation did
        rig.Clock.Advance(Poll);
        return outcome;
    }

    private static async Task Advance(SimulatedRig rig, TimeSpan span)
    {
        for (var t = TimeSpan.Zero; t < span; t += Poll)
        {
            rig.Clock.Advance(Poll);
            await rig.Poller.PollOnceAsync(CancellationToken.None);
        }
    }
}
