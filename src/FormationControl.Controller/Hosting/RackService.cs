using FormationControl.Controller.Configuration;
using FormationControl.Controller.Operations;
using FormationControl.Controller.Polling;
using FormationControl.Controller.Recording;
using FormationControl.Storage;

namespace FormationControl.Controller.Hosting;

/// <summary>
/// A connected rack kept running: polls every unit each <see cref="RackConfig.PollInterval"/> (a
/// <see cref="PeriodicTimer"/> on the injected clock), takes operator requests through <see cref="Operations"/>,
/// publishes a <see cref="RackStatus"/> after every cycle, sets the watchdog again on a unit that comes back, and
/// reports units going online and offline. <see cref="RunAsync"/> stops between two cycles when asked, then makes
/// everything recorded durable (journal drained, store flushed).
/// </summary>
public sealed class RackService
{
    private readonly RackConfig _config;
    private readonly ConnectedRack _rack;
    private readonly FormationStore _store;
    private readonly TimeProvider _time;
    private readonly bool?[] _online;
    private RackStatus _status;
    private TaskCompletionSource<RackStatus> _nextCycle = NewCycleSignal();

    public RackService(RackConfig config, ConnectedRack rack, FormationStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(rack);
        _config = config;
        _rack = rack;
        _store = store;
        _time = time;
        _online = new bool?[rack.Units.Count];
        Journal = new StoreJournal(store);
        Poller = new RackPoller(rack.Supervisors, Journal, time);
        Operations = new RackOperations(rack.Supervisors, store, Journal, time);
        _status = Capture(DateTimeOffset.MinValue);
    }

    /// <summary>Runs once after connecting, before the first poll (run recovery plugs in here).</summary>
    public IRackStartup? Startup { get; init; }

    /// <summary>Called from the poll loop when a unit goes online or offline (and once per unit after the first cycle).</summary>
    public Action<UnitLinkChange>? LinkChanged { get; init; }

    /// <summary>Start, pause, resume, stop, jump, acknowledge; carried out at the next poll.</summary>
    public RackOperations Operations { get; }

    /// <summary>The journal every run writes to; drained at the end of each cycle.</summary>
    public StoreJournal Journal { get; }

    public RackPoller Poller { get; }

    /// <summary>The rack after the last cycle.</summary>
    public RackStatus Status => Volatile.Read(ref _status);

    /// <summary>Completes with the status of the next cycle that ends.</summary>
    public Task<RackStatus> NextCycleAsync() => Volatile.Read(ref _nextCycle).Task;

    /// <summary>
    /// Runs the startup hook, then polls until <paramref name="stopping"/> fires. A cycle in progress is finished (its
    /// requests and writes are not cut in half); then the journal is drained and the store flushed. A storage failure
    /// ends the loop with its exception.
    /// </summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        if (Startup is { } startup)
        {
            await startup.RunAsync(new RackStartupContext(_config, _rack.Supervisors, _store, Journal, _time), stopping).ConfigureAwait(false);
        }

        try
        {
            using var timer = new PeriodicTimer(_config.PollInterval, _time);
            do
            {
                await CycleAsync().ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Asked to stop between two cycles.
        }
        finally
        {
            _nextCycle.TrySetCanceled(CancellationToken.None);
        }

        await Journal.DrainAsync(CancellationToken.None).ConfigureAwait(false);
        await _store.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    // Polls are not cancelled by a stop: each request has its own timeout, and a cycle cut in half could leave a
    // command sent but its run not told.
    private async Task CycleAsync()
    {
        var units = _rack.Units;
        var failedBefore = units.Select(u => u.Supervisor.FailedPolls).ToArray();
        var now = _time.GetUtcNow();
        await Poller.PollOnceAsync(CancellationToken.None).ConfigureAwait(false);
        for (int i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            bool answered = unit.Supervisor.FailedPolls == failedBefore[i];
            string? error = answered ? null : unit.Supervisor.LastError?.Message;
            if (answered && !unit.WatchdogSet && await unit.TrySetWatchdogAsync(_config.WatchdogPeriod, CancellationToken.None).ConfigureAwait(false) is { } refused)
            {
                error = $"did not take the watchdog period: {refused.Message}";
            }
            else if (!answered)
            {
                unit.ForgetWatchdog();
            }

            if (_online[i] != answered)
            {
                _online[i] = answered;
                LinkChanged?.Invoke(new UnitLinkChange(unit.Name, unit.Address, answered, error, now));
            }
        }

        var status = Capture(now);
        Volatile.Write(ref _status, status);
        Interlocked.Exchange(ref _nextCycle, NewCycleSignal()).TrySetResult(status);
    }

    private RackStatus Capture(DateTimeOffset at) => RackStatus.Capture(_config.Name, at, Poller.Cycles, _rack.Units, _online);

    private static TaskCompletionSource<RackStatus> NewCycleSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
