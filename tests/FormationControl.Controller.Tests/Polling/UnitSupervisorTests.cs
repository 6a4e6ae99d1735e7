using FormationControl.Controller.Channels;
using FormationControl.Controller.Polling;
using FormationControl.Controller.Tests.Support;
using FormationControl.Devices.Cycler;
using FormationControl.Storage;

namespace FormationControl.Controller.Tests.Polling;

public class UnitSupervisorTests
{
    private const string ChargeThenDischarge = """
        {
          "name": "short-cycle", "version": "1.0.0",
          "cell": { "chemistry": "NMC", "nominalCapacity": "100 Ah", "nominalVoltage": "3.65 V", "minVoltage": "2.5 V", "maxVoltage": "4.2 V",
                    "maxChargeCurrent": "1C", "maxDischargeCurrent": "1C", "maxTemperature": "60 degC" },
          "safety": { "minVoltage": "2.4 V", "maxVoltage": "4.25 V", "maxCurrent": "120 A", "maxTemperature": "55 degC", "maxStepDuration": "24 h", "maxTotalDuration": "72 h" },
          "logging": { "interval": "60 s", "deltaVoltage": "10 mV" },
          "steps": [
            { "label": "charge", "type": "chargeCc", "current": "1C", "limits": [ { "voltage": ">= 3.7 V" }, { "time": "2 h", "then": "fault" } ] },
            { "label": "rest", "type": "rest", "limits": [ { "time": "10 min" } ] },
            { "label": "discharge", "type": "dischargeCc", "current": "1C", "limits": [ { "voltage": "<= 3.4 V" }, { "time": "2 h", "then": "fault" } ] }
          ]
        }
        """;

    [Fact]
    public async Task Runs_a_profile_on_every_channel_over_modbus_and_records_each_step_once()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 8);
        var profile = TestProfiles.Parse(ChargeThenDischarge);
        var runs = new List<ChannelRun>();
        for (int ch = 0; ch < 8; ch++)
        {
            runs.Add(await rig.AttachAsync(ch, profile));
        }

        await rig.RunUntilFinishedAsync(TimeSpan.FromSeconds(10), TimeSpan.FromHours(6));

        Assert.All(runs, r => Assert.Equal(ChannelState.Completed, r.State));
        await rig.Store.FlushAsync();
        foreach (var run in runs)
        {
            var steps = rig.Store.GetStepResults(run.RunId);
            Assert.Equal(["charge", "rest", "discharge"], steps.Select(s => s.Label));
            Assert.Equal(3.7, steps[0].EndVoltageV, 3); // latched by the device at the cut-off, not the relaxed voltage a poll later
            Assert.Equal(100, steps[0].EndCurrentA, 1);
            Assert.Equal(3.4, steps[2].EndVoltageV, 3);
            Assert.InRange(steps[1].DurationS, 599.9, 600.1);
            Assert.True(steps[2].Ah < 0);
            Assert.Equal(RunStatus.Completed, rig.Store.FindRun(run.RunId)!.Status);
            var samples = rig.Store.GetSamples(run.RunId);
            Assert.Equal([0, 1, 2], samples.Select(s => s.StepIndex).Distinct());
        }
    }

    [Fact]
    public async Task A_unit_that_stops_answering_pauses_its_runs_and_they_resume_when_it_answers()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 2, timeout: TimeSpan.FromMilliseconds(500));
        var profile = TestProfiles.Parse(ChargeThenDischarge);
        var run = await rig.AttachAsync(0, profile);
        for (int i = 0; i < 3; i++)
        {
            await rig.Poller.PollOnceAsync(CancellationToken.None);
            rig.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(ChannelState.InStep, run.State);

        rig.Cable.Unplugged = true;
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        Assert.Equal(ChannelState.CommLoss, run.State);
        Assert.IsType<FormationControl.Modbus.Master.ModbusTimeoutException>(rig.Supervisor.LastError);
        Assert.Empty(rig.Store.GetStepResults(run.RunId));

        rig.Cable.Unplugged = false;
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        Assert.Equal(ChannelState.InStep, run.State);
        Assert.Null(rig.Supervisor.LastError);

        await rig.RunUntilFinishedAsync(TimeSpan.FromSeconds(10), TimeSpan.FromHours(6));
        Assert.Equal(ChannelState.Completed, run.State);
        Assert.Equal(3, rig.Store.GetStepResults(run.RunId).Count);
    }

    [Theory]
    [InlineData("resume", ChannelState.Completed)]
    [InlineData("fault", ChannelState.Faulted)]
    public async Task A_step_the_unit_watchdog_stopped_during_a_silence_goes_on_only_when_the_profile_says_resume(string onCommLoss, ChannelState outcome)
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 1, timeout: TimeSpan.FromMilliseconds(500));
        await rig.Supervisor.Driver.ConfigureWatchdogAsync(TimeSpan.FromSeconds(30));
        var profile = TestProfiles.Parse(ChargeThenDischarge.Replace("\"maxTotalDuration\": \"72 h\"", $"\"maxTotalDuration\": \"72 h\", \"onCommLoss\": \"{onCommLoss}\"", StringComparison.Ordinal));
        var run = await rig.AttachAsync(0, profile);
        for (int i = 0; i < 3; i++)
        {
            await rig.Poller.PollOnceAsync(CancellationToken.None);
            rig.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        rig.Cable.Unplugged = true;
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        Assert.Equal(ChannelState.CommLoss, run.State);
        rig.Clock.Advance(TimeSpan.FromMinutes(2)); // four watchdog periods without a heartbeat
        rig.Cable.Unplugged = false;

        await rig.RunUntilFinishedAsync(TimeSpan.FromSeconds(10), TimeSpan.FromHours(6));

        Assert.True(run.State == outcome, run.Reason);
        var steps = rig.Store.GetStepResults(run.RunId);
        if (outcome == ChannelState.Completed)
        {
            Assert.Equal(["charge", "rest", "discharge"], steps.Select(s => s.Label));
            Assert.Equal(3.7, steps[0].EndVoltageV, 3);
            Assert.Equal(rig.Store.GetSamples(run.RunId).Where(s => s.StepIndex == 0).Max(s => s.StepTimeS), steps[0].DurationS, 6);
        }
        else
        {
            Assert.Equal("step 1 stopped by the device's watchdog while the unit could not be reached; the profile's safety.onCommLoss is \"fault\", so a person decides", run.Reason);
        }
    }

    [Fact]
    public async Task A_unit_silent_beyond_the_give_up_timeout_faults_its_runs_naming_the_unit_and_the_time()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 1, timeout: TimeSpan.FromMilliseconds(500));
        rig.Supervisor.CommLossTimeout = TimeSpan.FromMinutes(3);
        var run = await rig.AttachAsync(0, TestProfiles.Parse(ChargeThenDischarge));
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        rig.Clock.Advance(TimeSpan.FromSeconds(10));
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        Assert.Equal(ChannelState.InStep, run.State);

        rig.Cable.Unplugged = true;
        for (int minute = 0; minute < 3; minute++)
        {
            await rig.Poller.PollOnceAsync(CancellationToken.None);
            Assert.Equal(ChannelState.CommLoss, run.State);
            rig.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await rig.Poller.PollOnceAsync(CancellationToken.None);

        Assert.Equal(ChannelState.Faulted, run.State);
        const string reason = "communication lost: unit U01 has not answered for 3 min (give-up timeout 3 min)";
        Assert.StartsWith(reason, run.Reason, StringComparison.Ordinal);
        var stored = rig.Store.FindRun(run.RunId)!;
        Assert.Equal(RunStatus.Faulted, stored.Status);
        Assert.StartsWith(reason, stored.EndNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_request_waits_out_missed_answers_and_acts_without_a_status_only_when_the_unit_stays_silent()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 2, timeout: TimeSpan.FromMilliseconds(500));
        ChannelStatus? seen = null;
        ChannelOperation look = (c, _) =>
        {
            seen = c.Status;
            return ValueTask.FromResult(OperatorResponse.Accept("looked", ChannelAction.None));
        };

        rig.Cable.Unplugged = true;
        var first = rig.Supervisor.SubmitAsync(0, look);
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        Assert.False(first.IsCompleted); // one lost answer: the request waits for a status
        rig.Cable.Unplugged = false;
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(seen);

        rig.Cable.Unplugged = true;
        var second = rig.Supervisor.SubmitAsync(1, look);
        await rig.Poller.PollOnceAsync(CancellationToken.None); // silent from here
        rig.Clock.Advance(rig.Supervisor.OperationPatience - TimeSpan.FromMilliseconds(1));
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        Assert.False(second.IsCompleted); // patience not yet spent, however many polls failed

        rig.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(seen); // still silent: carried out without a status (a start is then refused as unchecked)
    }

    [Fact]
    public async Task A_pause_in_the_poll_after_a_missed_answer_finds_the_run_in_its_step_not_in_comm_loss()
    {
        await using var rig = await SimulatedRig.StartAsync(channels: 1, timeout: TimeSpan.FromMilliseconds(500));
        var run = await rig.AttachAsync(0, TestProfiles.Parse(ChargeThenDischarge));
        for (int i = 0; i < 2; i++)
        {
            await rig.Poller.PollOnceAsync(CancellationToken.None);
            rig.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        rig.Cable.Unplugged = true;
        await rig.Poller.PollOnceAsync(CancellationToken.None);
        Assert.Equal(ChannelState.CommLoss, run.State);

        rig.Cable.Unplugged = false;
        var pause = rig.Supervisor.SubmitAsync(0, (c, _) => ValueTask.FromResult(c.Run!.Pause(c.Now)));
        await rig.Poller.PollOnceAsync(CancellationToken.None);

        var response = await pause.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(response.Accepted, response.Detail);
        Assert.Equal(ChannelState.PausedByOperator, run.State);
    }
}
