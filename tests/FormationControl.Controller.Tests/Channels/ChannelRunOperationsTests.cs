using FormationControl.Controller.Channels;
using FormationControl.Controller.Tests.Support;
using FormationControl.Devices.Cycler;

namespace FormationControl.Controller.Tests.Channels;

public class ChannelRunOperationsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(5);
    private readonly RecordingJournal _journal = new();

    private static ChannelStatus Status(
        ChannelDeviceState state, ushort seq, double t = 0, double ah = 0, DeviceEndReason end = DeviceEndReason.None) =>
        new(state, seq, ChannelMode.ChargeCccv, end, DeviceFaultCode.None, 3.8, 10, 25, t, ah, ah * 3.7, true);

    private ChannelRun RunSilentInItsStep()
    {
        var run = new ChannelRun(7, "CELL-1", TestProfiles.TwoStep, _journal);
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 1, 60, 0.2), T0.AddSeconds(60));
        run.OnCommLost(T0.AddSeconds(61), "U01", GiveUp);
        Assert.Equal(ChannelState.CommLoss, run.State);
        return run;
    }

    [Fact]
    public void A_step_whose_unit_is_silent_can_be_paused_and_the_stop_is_sent_again_until_the_device_confirms_it()
    {
        var run = RunSilentInItsStep();

        var pause = run.Pause(T0.AddSeconds(62));

        Assert.True(pause.Accepted, pause.Detail);
        Assert.Contains("not answering", pause.Detail, StringComparison.Ordinal);
        Assert.Equal(ChannelActionKind.StopOutput, pause.Action.Kind);
        Assert.Equal(ChannelState.PausedByOperator, run.State);

        // Paused by a person: a long silence no longer faults the run.
        run.OnCommLost(T0.AddMinutes(30), "U01", GiveUp);
        Assert.Equal(ChannelState.PausedByOperator, run.State);

        Assert.False(run.Resume(null, T0.AddMinutes(31)).Accepted); // nothing confirmed yet
        Assert.Equal(ChannelActionKind.StopOutput, run.OnStatus(Status(ChannelDeviceState.Running, 1, 120, 0.4), T0.AddMinutes(31)).Kind);
        Assert.Equal(ChannelActionKind.None, run.OnStatus(Status(ChannelDeviceState.StepComplete, 1, 121, 0.4, DeviceEndReason.Stopped), T0.AddMinutes(32)).Kind);

        var resume = run.Resume(null, T0.AddMinutes(33));
        Assert.True(resume.Accepted, resume.Detail);
        Assert.Equal(ChannelActionKind.StartStep, resume.Action.Kind);
        Assert.Equal(ChannelMode.ChargeCccv, resume.Action.Command!.Mode);
        Assert.Equal(TimeSpan.FromHours(16) - TimeSpan.FromSeconds(121), resume.Action.Command.CutoffTime);
        Assert.Empty(_journal.Steps);
    }

    [Fact]
    public void A_watchdog_stop_of_a_step_paused_while_its_unit_was_silent_resumes_the_same_step()
    {
        var run = RunSilentInItsStep();
        run.Pause(T0.AddSeconds(62));

        run.OnStatus(Status(ChannelDeviceState.StepComplete, 1, 70, 0.25, DeviceEndReason.Watchdog), T0.AddMinutes(2));
        var resume = run.Resume(null, T0.AddMinutes(3));

        Assert.True(resume.Accepted, resume.Detail);
        Assert.Equal("step 1 resumed", resume.Detail);
        Assert.Equal(0, run.StepIndex);
        Assert.Equal(TimeSpan.FromHours(16) - TimeSpan.FromSeconds(70), resume.Action.Command!.CutoffTime);
        Assert.Empty(_journal.Steps);
    }

    [Fact]
    public void A_run_that_lost_its_unit_while_starting_a_step_cannot_be_paused_and_says_when_it_can()
    {
        var run = new ChannelRun(7, "CELL-1", TestProfiles.TwoStep, _journal);
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        run.OnCommLost(T0.AddSeconds(1), "U01", GiveUp);

        var pause = run.Pause(T0.AddSeconds(2));

        Assert.False(pause.Accepted);
        Assert.Equal("the unit stopped answering while the channel was starting a step; pause it once the unit answers", pause.Detail);
        Assert.Equal(ChannelState.CommLoss, run.State);
    }

    [Fact]
    public void A_resume_takes_the_device_confirmation_from_the_status_of_its_own_poll()
    {
        var run = new ChannelRun(7, "CELL-1", TestProfiles.TwoStep, _journal);
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 1, 60, 0.2), T0.AddSeconds(60));
        Assert.True(run.Pause(T0.AddSeconds(61)).Accepted);

        var early = run.Resume(Status(ChannelDeviceState.Running, 1, 61, 0.2), T0.AddSeconds(62));
        Assert.False(early.Accepted);
        Assert.Equal("the device has not confirmed that the output is off yet; resume after the next poll", early.Detail);

        var resume = run.Resume(Status(ChannelDeviceState.StepComplete, 1, 62, 0.2, DeviceEndReason.Stopped), T0.AddSeconds(63));
        Assert.True(resume.Accepted, resume.Detail);
        Assert.Equal(ChannelActionKind.StartStep, resume.Action.Kind);
        Assert.Equal(TimeSpan.FromHours(16) - TimeSpan.FromSeconds(62), resume.Action.Command!.CutoffTime);
        Assert.Equal(ChannelState.Starting, run.State);
    }
}
