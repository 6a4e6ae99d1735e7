using FormationControl.Controller.Channels;
using FormationControl.Controller.Recovery;
using FormationControl.Controller.Tests.Support;
using FormationControl.Devices.Cycler;
using FormationControl.Storage;

namespace FormationControl.Controller.Tests.Channels;

/// <summary>Checkpoints and the first status after a restore, decided by the run alone (the rig tests cover the device side).</summary>
public class ChannelRunRecoveryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly RecordingJournal _before = new();
    private readonly RecordingJournal _after = new();

    private static ChannelStatus Status(
        ChannelDeviceState state, ushort seq, double v = 3.7, double i = 0, double t = 0, double ah = 0, double wh = 0,
        DeviceEndReason end = DeviceEndReason.None) =>
        new(state, seq, ChannelMode.Rest, end, DeviceFaultCode.None, v, i, 25, t, ah, wh, true);

    private ChannelRun Running()
    {
        var run = new ChannelRun(7, "CELL-1", TestProfiles.TwoStep, _before);
        run.Begin(Status(ChannelDeviceState.Idle, 10), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 11, 3.6, 10, 5, 0.01), T0.AddSeconds(5));
        return run;
    }

    private ChannelRun Restored(RunCheckpoint checkpoint, int stored = 0) =>
        ChannelRun.Restore(7, "CELL-1", TestProfiles.TwoStep, _after, RunCheckpoint.FromJson(checkpoint.ToJson()), stored);

    [Fact]
    public void A_checkpoint_is_saved_at_each_transition_and_then_once_a_minute()
    {
        var run = Running();
        Assert.Equal([ChannelState.Starting, ChannelState.InStep], _before.Checkpoints.Select(c => c.State));

        for (int s = 10; s <= 130; s += 5)
        {
            run.OnStatus(Status(ChannelDeviceState.Running, 11, 3.6, 10, s, 0.01), T0.AddSeconds(s));
        }

        Assert.Equal([T0, T0.AddSeconds(5), T0.AddSeconds(65), T0.AddSeconds(125)], _before.Checkpoints.Select(c => c.SavedAt));
    }

    [Fact]
    public void A_checkpoint_survives_json_with_everything_the_run_needs()
    {
        var run = Running();
        run.OnStatus(Status(ChannelDeviceState.StepComplete, 11, 4.19, 0, 30000, 90, 350, DeviceEndReason.Current), T0.AddSeconds(30005));
        var checkpoint = run.CreateCheckpoint(T0.AddSeconds(30006));

        var read = RunCheckpoint.FromJson(checkpoint.ToJson());

        Assert.Equal(checkpoint with { LegEnds = [], Sequence = read.Sequence }, read with { LegEnds = [] });
        Assert.Equal(checkpoint.LegEnds, read.LegEnds);
        Assert.Equal(checkpoint.Sequence, read.Sequence);
        Assert.Equal(ChannelState.Starting, read.State);
        Assert.Equal(1, read.StepIndex);
        Assert.Equal(12, read.ExpectedSequence);
        Assert.Equal(1, read.StepResults);
        Assert.Equal(90, read.ChargeAh);
        Assert.Equal(350, read.ChargeWh);
    }

    [Fact]
    public void A_step_still_running_goes_on_without_a_new_start()
    {
        var restored = Restored(Running().CreateCheckpoint(T0.AddSeconds(6)));

        var action = restored.OnStatus(Status(ChannelDeviceState.Running, 11, 3.9, 10, 4000, 11), T0.AddSeconds(4005));

        Assert.Equal(ChannelActionKind.None, action.Kind);
        Assert.Equal(ChannelState.InStep, restored.State);
        Assert.False(restored.IsReconciling);
        Assert.Empty(_after.Steps);
    }

    [Fact]
    public void A_step_the_device_ended_meanwhile_is_recorded_once_with_its_latched_values_and_the_next_starts()
    {
        var restored = Restored(Running().CreateCheckpoint(T0.AddSeconds(6)));
        var ended = Status(ChannelDeviceState.StepComplete, 11, 4.1, 0, 30000, 90, 350, DeviceEndReason.Current) with { EndVoltageV = 4.2, EndCurrentA = 2 };

        var action = restored.OnStatus(ended, T0.AddSeconds(40000));

        Assert.Equal(ChannelActionKind.StartStep, action.Kind);
        Assert.Equal(ChannelMode.DischargeCc, action.Command!.Mode);
        var step = Assert.Single(_after.Steps);
        Assert.Equal(("charge", 4.2, 2.0, 30000.0, T0), (step.Label, step.EndVoltageV, step.EndCurrentA, step.DurationS, step.StartedAt));
        Assert.Equal(1, restored.StepIndex);
    }

    [Fact]
    public void A_step_result_committed_after_the_checkpoint_is_not_written_again()
    {
        var restored = Restored(Running().CreateCheckpoint(T0.AddSeconds(6)), stored: 1);

        var action = restored.OnStatus(Status(ChannelDeviceState.StepComplete, 11, 4.19, 0, 30000, 90, 350, DeviceEndReason.Current), T0.AddSeconds(40000));

        Assert.Equal(ChannelActionKind.StartStep, action.Kind);
        Assert.Empty(_after.Steps);
        Assert.Equal(90, restored.ChargeAh);
        Assert.Equal(1, restored.CreateCheckpoint(T0.AddSeconds(40000)).StepResults);
    }

    [Fact]
    public void A_start_saved_but_never_sent_is_sent_again()
    {
        var run = new ChannelRun(7, "CELL-1", TestProfiles.TwoStep, _before);
        var first = run.Begin(Status(ChannelDeviceState.Idle, 10), T0);
        var restored = Restored(run.CreateCheckpoint(T0));

        var action = restored.OnStatus(Status(ChannelDeviceState.Idle, 10), T0.AddSeconds(30));

        Assert.Equal(ChannelActionKind.StartStep, action.Kind);
        Assert.Equal(first.Command, action.Command);
        Assert.Equal(ChannelState.Starting, restored.State);
        Assert.StartsWith("recovered: step 1 sent again", restored.Reason, StringComparison.Ordinal);
        restored.OnStatus(Status(ChannelDeviceState.Running, 11), T0.AddSeconds(31));
        Assert.Equal(ChannelState.InStep, restored.State);
    }

    [Theory]
    [InlineData(ChannelDeviceState.Idle, 0, ChannelActionKind.None)]
    [InlineData(ChannelDeviceState.Running, 12, ChannelActionKind.StopOutput)]
    public void A_device_that_no_longer_holds_the_step_faults_the_run_and_nothing_restarts(ChannelDeviceState state, int seq, ChannelActionKind expected)
    {
        var restored = Restored(Running().CreateCheckpoint(T0.AddSeconds(6)));

        var action = restored.OnStatus(Status(state, (ushort)seq), T0.AddSeconds(60));

        Assert.Equal(expected, action.Kind);
        Assert.Equal(ChannelState.Faulted, restored.State);
        Assert.StartsWith($"recovery: the device no longer holds step 1 (it reports {state}, step sequence {seq}, expected 11)", restored.Reason, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Faulted, Assert.Single(_after.Completions).Status);
    }

    [Fact]
    public void A_stop_whose_reason_was_lost_ends_on_the_software_limit_the_counters_show()
    {
        // Step 1's energy limit (500 Wh) is watched in software: the stop reached the device, its checkpoint did not.
        var restored = Restored(Running().CreateCheckpoint(T0.AddSeconds(6)));

        var action = restored.OnStatus(Status(ChannelDeviceState.StepComplete, 11, 4.0, 0, 20000, 80, 501, DeviceEndReason.Stopped), T0.AddSeconds(20010));

        Assert.Equal(ChannelActionKind.StartStep, action.Kind);
        Assert.Equal("step energy 500 Wh", Assert.Single(_after.Steps).EndReason);
    }

    [Fact]
    public void A_stop_whose_reason_cannot_be_told_leaves_the_run_paused_for_an_operator()
    {
        var restored = Restored(Running().CreateCheckpoint(T0.AddSeconds(6)));

        var action = restored.OnStatus(Status(ChannelDeviceState.StepComplete, 11, 4.0, 0, 2000, 8, 30, DeviceEndReason.Stopped), T0.AddSeconds(2010));

        Assert.Equal(ChannelActionKind.None, action.Kind);
        Assert.Equal(ChannelState.PausedByOperator, restored.State);
        Assert.Contains("cannot tell why; resume, jump or stop it", restored.Reason, StringComparison.Ordinal);
        var resumed = restored.Resume(null, T0.AddSeconds(2100));
        Assert.True(resumed.Accepted, resumed.Detail);
        Assert.Equal(TimeSpan.FromSeconds(16 * 3600 - 2000), resumed.Action.Command!.CutoffTime);
    }

    [Fact]
    public void A_software_stop_not_yet_seen_by_the_device_is_sent_again()
    {
        var run = Running();
        var stop = run.OnStatus(Status(ChannelDeviceState.Running, 11, 4.0, 10, 20000, 80, 501), T0.AddSeconds(20005));
        Assert.Equal(ChannelActionKind.StopOutput, stop.Kind);
        var restored = Restored(run.CreateCheckpoint(T0.AddSeconds(20005)));

        Assert.Equal(ChannelActionKind.StopOutput, restored.OnStatus(Status(ChannelDeviceState.Running, 11, 4.0, 10, 20010, 80, 502), T0.AddSeconds(20010)).Kind);
        var next = restored.OnStatus(Status(ChannelDeviceState.StepComplete, 11, 4.0, 0, 20011, 80, 502, DeviceEndReason.Stopped), T0.AddSeconds(20015));

        Assert.Equal(ChannelActionKind.StartStep, next.Kind);
        Assert.Equal("step energy 500 Wh", Assert.Single(_after.Steps).EndReason);
    }

    [Fact]
    public void The_comm_loss_give_up_counts_from_the_first_silent_poll_across_a_restart()
    {
        var run = Running();
        run.OnCommLost(T0.AddMinutes(1), "U07", TimeSpan.FromMinutes(10));
        var checkpoint = run.CreateCheckpoint(T0.AddMinutes(1));
        Assert.Equal(ChannelState.InStep, checkpoint.State);
        Assert.Equal(T0.AddMinutes(1), checkpoint.CommLostSince);

        var restored = Restored(checkpoint);
        restored.OnCommLost(T0.AddMinutes(8), "U07", TimeSpan.FromMinutes(10));
        Assert.Equal(ChannelState.CommLoss, restored.State);
        restored.OnCommLost(T0.AddMinutes(11), "U07", TimeSpan.FromMinutes(10));

        Assert.Equal(ChannelState.Faulted, restored.State);
        Assert.StartsWith("communication lost: unit U07 has not answered for 10 min (give-up timeout 10 min)", restored.Reason, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Faulted, Assert.Single(_after.Completions).Status);
    }

    [Fact]
    public void A_checkpoint_that_does_not_fit_the_profile_is_refused_with_the_reason()
    {
        var checkpoint = Running().CreateCheckpoint(T0) with { StepIndex = 5 };
        var error = Assert.Throws<InvalidDataException>(() => Restored(checkpoint));
        Assert.Contains("step 6 is not a step that runs in profile test-two-step 1.0.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_the_watchdog_stopped_while_the_controller_was_down_goes_on_when_the_profile_says_resume()
    {
        var profile = TestProfiles.Parse(TestProfiles.TwoStepJson.Replace("\"maxTotalDuration\": \"72 h\"", "\"maxTotalDuration\": \"72 h\", \"onCommLoss\": \"resume\"", StringComparison.Ordinal));
        var run = new ChannelRun(7, "CELL-1", profile, _before);
        run.Begin(Status(ChannelDeviceState.Idle, 10), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 11, 3.6, 10, 5, 0.01), T0.AddSeconds(5));
        var checkpoint = RunCheckpoint.FromJson(run.CreateCheckpoint(T0.AddSeconds(5)).ToJson());

        var restored = ChannelRun.Restore(7, "CELL-1", profile, _after, checkpoint, 0);
        var action = restored.OnStatus(Status(ChannelDeviceState.StepComplete, 11, 3.6, 0, 15, 0.04, 0.15, DeviceEndReason.Watchdog), T0.AddMinutes(2));

        Assert.Equal(ChannelActionKind.StartStep, action.Kind);
        Assert.Equal(TimeSpan.FromHours(16) - TimeSpan.FromSeconds(15), action.Command!.CutoffTime);
        Assert.Equal(ChannelState.Starting, restored.State);
        Assert.Empty(_after.Steps);
    }
}
