using FormationControl.Controller.Channels;
using FormationControl.Controller.Tests.Support;
using FormationControl.Core.Profiles;
using FormationControl.Devices.Cycler;
using FormationControl.Storage;

namespace FormationControl.Controller.Tests.Channels;

public class ChannelRunTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly RecordingJournal _journal = new();

    private static ChannelStatus Status(
        ChannelDeviceState state, ushort seq, double v = 3.7, double i = 0, double t = 0, double ah = 0, double wh = 0,
        DeviceEndReason end = DeviceEndReason.None, DeviceFaultCode fault = DeviceFaultCode.None, bool contact = true) =>
        new(state, seq, ChannelMode.Rest, end, fault, v, i, 25, t, ah, wh, contact);

    private ChannelRun NewRun() => new(7, "CELL-1", TestProfiles.TwoStep, _journal);

    [Fact]
    public void Starts_the_first_step_and_expects_the_next_sequence_number()
    {
        var run = NewRun();
        var action = run.Begin(Status(ChannelDeviceState.Idle, 41), T0);

        Assert.Equal(ChannelActionKind.StartStep, action.Kind);
        Assert.Equal(ChannelMode.ChargeCccv, action.Command!.Mode);
        Assert.Equal(ChannelState.Starting, run.State);

        Assert.Equal(ChannelActionKind.None, run.OnStatus(Status(ChannelDeviceState.Running, 42, 3.5, 10, 1), T0.AddSeconds(5)).Kind);
        Assert.Equal(ChannelState.InStep, run.State);
        Assert.Single(_journal.Samples);
    }

    [Fact]
    public void Refuses_to_start_without_cell_contact_and_says_why()
    {
        var run = NewRun();
        var action = run.Begin(Status(ChannelDeviceState.Idle, 0, contact: false), T0);

        Assert.Equal(ChannelActionKind.None, action.Kind);
        Assert.Equal(ChannelState.Faulted, run.State);
        Assert.Equal("start refused: no cell contact", run.Reason);
        Assert.Equal(RunStatus.Faulted, Assert.Single(_journal.Completions).Status);
    }

    [Fact]
    public void Device_cutoffs_move_through_the_profile_to_completion_recording_each_step_once()
    {
        var run = NewRun();
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 1, 3.6, 10, 5, 0.01), T0.AddSeconds(5));

        var next = run.OnStatus(Status(ChannelDeviceState.StepComplete, 1, 4.19, 0, 30000, 90, 350, DeviceEndReason.Current), T0.AddSeconds(30005));
        Assert.Equal(ChannelActionKind.StartStep, next.Kind);
        Assert.Equal(ChannelMode.DischargeCc, next.Command!.Mode);
        Assert.Equal(1, run.StepIndex);
        var charge = Assert.Single(_journal.Steps);
        Assert.Equal("charge", charge.Label);
        Assert.Equal(90, charge.Ah);
        Assert.Equal("|current| <= 2 A", charge.EndReason);

        run.OnStatus(Status(ChannelDeviceState.Running, 2, 3.9, -20, 5, -0.03), T0.AddSeconds(30010));
        var done = run.OnStatus(Status(ChannelDeviceState.StepComplete, 2, 3.02, 0, 18000, -100.5, -370, DeviceEndReason.Voltage), T0.AddSeconds(48010));

        Assert.Equal(ChannelActionKind.None, done.Kind);
        Assert.Equal(ChannelState.Completed, run.State);
        Assert.Equal(["charge", "capacity"], _journal.Steps.Select(s => s.Label));
        Assert.Equal(RunStatus.Completed, Assert.Single(_journal.Completions).Status);
        Assert.Equal(90, run.ChargeAh);
        Assert.Equal(100.5, run.DischargeAh);
    }

    [Fact]
    public void A_step_the_device_watchdog_stopped_faults_and_says_so()
    {
        var run = NewRun();
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 1), T0);
        run.OnStatus(Status(ChannelDeviceState.StepComplete, 1, 3.8, 0, 20, 0.1, 0.4, DeviceEndReason.Watchdog), T0.AddSeconds(20));

        Assert.Equal(ChannelState.Faulted, run.State);
        Assert.StartsWith("step 1 stopped by the device's watchdog: no heartbeat within its period", run.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_guard_with_fault_action_latches_the_fault()
    {
        var run = NewRun();
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 1), T0);
        run.OnStatus(Status(ChannelDeviceState.StepComplete, 1, 4.1, 0, 57600, 95, 380, DeviceEndReason.Time), T0.AddHours(16));

        Assert.Equal(ChannelState.Faulted, run.State);
        Assert.Contains("the profile marks this a fault", run.Reason);
        Assert.True(run.IsFinished);
    }

    [Fact]
    public void A_software_limit_stops_the_output_then_follows_its_goto()
    {
        var run = NewRun();
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 1), T0);

        var stop = run.OnStatus(Status(ChannelDeviceState.Running, 1, 4.0, 10, 1000, 60, 501), T0.AddSeconds(1000));
        Assert.Equal(ChannelActionKind.StopOutput, stop.Kind);
        Assert.Equal(ChannelState.InStep, run.State);

        var next = run.OnStatus(Status(ChannelDeviceState.StepComplete, 1, 4.0, 0, 1001, 60, 501, DeviceEndReason.Stopped), T0.AddSeconds(1005));
        Assert.Equal(ChannelActionKind.StartStep, next.Kind);
        Assert.Equal(1, run.StepIndex);
        Assert.Equal("step energy 500 Wh", _journal.Steps[0].EndReason);
    }

    [Fact]
    public void A_sample_outside_the_safety_window_stops_the_output_and_faults()
    {
        var run = NewRun();
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        var action = run.OnStatus(Status(ChannelDeviceState.Running, 1, 4.26, 10, 100), T0.AddSeconds(100));

        Assert.Equal(ChannelActionKind.StopOutput, action.Kind);
        Assert.Equal(ChannelState.Faulted, run.State);
        Assert.StartsWith("safety limit: voltage 4.2600 V above the safety maximum 4.25 V", run.Reason);
    }

    [Fact]
    public void Communication_loss_freezes_the_run_and_a_step_that_ended_meanwhile_is_recorded_once()
    {
        var run = NewRun();
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 1), T0);

        run.OnCommLost(T0.AddMinutes(1), "U01", TimeSpan.FromHours(12));
        run.OnCommLost(T0.AddMinutes(2), "U01", TimeSpan.FromHours(12));
        Assert.Equal(ChannelState.CommLoss, run.State);
        Assert.Empty(_journal.Steps);

        var next = run.OnStatus(Status(ChannelDeviceState.StepComplete, 1, 4.19, 0, 30000, 90, 350, DeviceEndReason.Current), T0.AddHours(9));
        Assert.Equal(ChannelActionKind.StartStep, next.Kind);
        Assert.Single(_journal.Steps);
        Assert.Equal(ChannelState.Starting, run.State);
    }

    [Fact]
    public void A_start_the_device_never_reports_faults_after_three_polls()
    {
        var run = NewRun();
        run.Begin(Status(ChannelDeviceState.Idle, 5), T0);
        for (int i = 1; i <= 3; i++)
        {
            run.OnStatus(Status(ChannelDeviceState.Idle, 5), T0.AddSeconds(i));
            Assert.Equal(ChannelState.Starting, run.State);
        }

        run.OnStatus(Status(ChannelDeviceState.Idle, 5), T0.AddSeconds(4));
        Assert.Equal(ChannelState.Faulted, run.State);
        Assert.Contains("did not start step 1", run.Reason);
    }

    [Fact]
    public void A_device_protection_trip_records_the_step_and_latches()
    {
        var run = NewRun();
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 1), T0);
        run.OnStatus(Status(ChannelDeviceState.Faulted, 1, 4.36, 0, 50, 1, 4, DeviceEndReason.Protection, DeviceFaultCode.OverVoltage), T0.AddSeconds(50));

        Assert.Equal(ChannelState.Faulted, run.State);
        Assert.Equal("protection: OverVoltage", Assert.Single(_journal.Steps).EndReason);
        Assert.Contains("OverVoltage", run.Reason);
    }

    [Fact]
    public void A_step_the_watchdog_stopped_during_a_comm_loss_goes_on_when_the_profile_says_resume()
    {
        var run = new ChannelRun(7, "CELL-1", ResumingTwoStep(), _journal);
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 1, 3.6, 10, 60, 0.2), T0.AddSeconds(60));
        run.OnCommLost(T0.AddSeconds(61), "U01", TimeSpan.FromMinutes(10));

        var resumed = run.OnStatus(Status(ChannelDeviceState.StepComplete, 1, 3.6, 0, 100, 0.3, 1.1, DeviceEndReason.Watchdog), T0.AddSeconds(130));

        Assert.Equal(ChannelActionKind.StartStep, resumed.Kind);
        Assert.Equal(ChannelMode.ChargeCccv, resumed.Command!.Mode);
        Assert.Equal(TimeSpan.FromHours(16) - TimeSpan.FromSeconds(100), resumed.Command.CutoffTime);
        Assert.Equal(ChannelState.Starting, run.State);
        Assert.Equal("step 1 resumed after a communication loss (the unit's watchdog had stopped it)", run.Reason);
        Assert.Empty(_journal.Steps);

        run.OnStatus(Status(ChannelDeviceState.Running, 2, 3.7, 10, 10, 0.03), T0.AddSeconds(140));
        run.OnStatus(Status(ChannelDeviceState.StepComplete, 2, 4.19, 0, 30000, 89.7, 349, DeviceEndReason.Current), T0.AddSeconds(30130));
        var charge = Assert.Single(_journal.Steps);
        Assert.Equal(90, charge.Ah, 6);
        Assert.Equal(30100, charge.DurationS, 6);
    }

    [Fact]
    public void A_watchdog_stop_without_a_comm_loss_faults_even_when_the_profile_says_resume()
    {
        // The controller heard the unit all along: the watchdog is misconfigured (a fast simulator clock, say), and
        // resuming would only loop.
        var run = new ChannelRun(7, "CELL-1", ResumingTwoStep(), _journal);
        run.Begin(Status(ChannelDeviceState.Idle, 0), T0);
        run.OnStatus(Status(ChannelDeviceState.Running, 1), T0);
        run.OnStatus(Status(ChannelDeviceState.StepComplete, 1, 3.8, 0, 20, 0.1, 0.4, DeviceEndReason.Watchdog), T0.AddSeconds(20));

        Assert.Equal(ChannelState.Faulted, run.State);
        Assert.StartsWith("step 1 stopped by the device's watchdog", run.Reason, StringComparison.Ordinal);
    }

    private static Profile ResumingTwoStep() =>
        TestProfiles.Parse(TestProfiles.TwoStepJson.Replace("\"maxTotalDuration\": \"72 h\"", "\"maxTotalDuration\": \"72 h\", \"onCommLoss\": \"resume\"", StringComparison.Ordinal));
}
