using System.Collections.Concurrent;
using FormationControl.Controller.Channels;
using FormationControl.Devices.Cycler;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Controller.Polling;

/// <summary>
/// Polls one cycler unit and drives the runs on its channels: read every channel, let each run decide,
/// send what they ask for, refresh the watchdog. One poll at a time per unit; units poll concurrently.
/// </summary>
public sealed class UnitSupervisor
{
    private readonly Dictionary<int, ChannelRun> _runs = [];
    private readonly ConcurrentQueue<(int Channel, ChannelOperation Operation, TaskCompletionSource<OperatorResponse> Done)> _operations = new();
    private readonly HashSet<int> _handled = [];
    private readonly List<(int Channel, ChannelRun Run, ChannelAction Action)> _starts = [];
    private readonly List<Task> _durable = [];
    private bool _rearmWatchdog = true;
    private DateTimeOffset? _silentSince;

    public UnitSupervisor(string name, CyclerDriver driver)
    {
        Name = name;
        Driver = driver;
    }

    public string Name { get; }

    public CyclerDriver Driver { get; }

    public IReadOnlyDictionary<int, ChannelRun> Runs => _runs;

    /// <summary>The last poll's snapshot, or <c>null</c> before the first successful poll.</summary>
    public UnitSnapshot? LastSnapshot { get; private set; }

    /// <summary>The last communication failure, cleared by the next successful poll.</summary>
    public Exception? LastError { get; private set; }

    /// <summary>Polls that failed since the unit was attached.</summary>
    public int FailedPolls { get; private set; }

    /// <summary>
    /// How long (controller time) the unit may stay silent before queued operator requests are carried out without a
    /// status (a start is then refused as unchecked). Until then they wait for an answer, so a few lost answers (a
    /// loaded network, a unit busy at start-up) do not refuse a batch. Counted from the first failed poll in a row.
    /// </summary>
    public TimeSpan OperationPatience { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the unit may stay silent before its running channels give up and fault (the device watchdog has turned
    /// their outputs off long before). Default 10 min; the rack configuration's <c>commLossTimeout</c>.
    /// </summary>
    public TimeSpan CommLossTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Assigns a run to a channel; it starts at the next poll.</summary>
    public void Attach(int channel, ChannelRun run)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Driver.ChannelCount);
        if (_runs.TryGetValue(channel, out var existing) && !existing.IsFinished)
        {
            throw new InvalidOperationException($"{Name} channel {channel + 1} is busy with cell {existing.CellId}.");
        }

        _runs[channel] = run;
    }

    /// <summary>
    /// Queues an operator request for <paramref name="channel"/>; the next poll carries it out with the status it
    /// reads (so a run is only ever touched by its poll) and sends what it asks for. Completes after that poll.
    /// </summary>
    public Task<OperatorResponse> SubmitAsync(int channel, ChannelOperation operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, Driver.ChannelCount);
        var done = new TaskCompletionSource<OperatorResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _operations.Enqueue((channel, operation, done));
        return done.Task;
    }

    /// <summary>One poll cycle at controller time <paramref name="now"/>.</summary>
    public async Task PollAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Answers on loopback often complete synchronously; yielding first lets the units of a rack poll side by side.
        await Task.Yield();
        UnitSnapshot snapshot;
        try
        {
            snapshot = await Driver.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsCommunicationFailure(e))
        {
            // Never act on stale data: every run on the unit waits for the next good read.
            LastError = e;
            FailedPolls++;
            _rearmWatchdog = true;
            foreach (var run in _runs.Values)
            {
                if (!run.IsFinished)
                {
                    run.OnCommLost(now, Name, CommLossTimeout);
                }
            }

            _silentSince ??= now;
            if (now - _silentSince >= OperationPatience)
            {
                await OperateAsync(null, now, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        _silentSince = null;
        LastError = null;
        LastSnapshot = snapshot;
        if (_rearmWatchdog)
        {
            // First answer since a silence or a controller start: the unit's watchdog may have tripped, and a tripped
            // unit ends any step it is told to start. Feed it before this poll's commands, not after them.
            _rearmWatchdog = false;
            await SendAsync(() => Driver.HeartbeatAsync(cancellationToken)).ConfigureAwait(false);
        }

        foreach (var run in _runs.Values)
        {
            run.OnCommRestored(); // an operator request in this poll sees the run as it is, not as the last blip left it
        }

        await OperateAsync(snapshot, now, cancellationToken).ConfigureAwait(false);
        foreach (var (channel, run) in _runs)
        {
            if (run.IsFinished || _handled.Contains(channel))
            {
                continue;
            }

            var status = snapshot.Channels[channel];
            var action = run.State == ChannelState.Ready ? run.Begin(status, now) : run.OnStatus(status, now);
            if (action.Kind == ChannelActionKind.StartStep)
            {
                _starts.Add((channel, run, action)); // after the stops, once its checkpoint is durable
                continue;
            }

            if (await ExecuteAsync(channel, action, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                run.OnCommandRefused(refused.Message, now);
            }
        }

        await StartStepsAsync(now, cancellationToken).ConfigureAwait(false);

        await SendAsync(() => Driver.HeartbeatAsync(cancellationToken)).ConfigureAwait(false);
    }

    // Operator requests queued since the last poll, in order; a channel they acted on is not fed again this poll.
    private async Task OperateAsync(UnitSnapshot? snapshot, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _handled.Clear();
        while (_operations.TryDequeue(out var request))
        {
            var (channel, operation, done) = request;
            try
            {
                var context = new ChannelContext(this, channel, _runs.GetValueOrDefault(channel), snapshot?.Channels[channel], now);
                var response = await operation(context, cancellationToken).ConfigureAwait(false);
                if (response.Action.Kind != ChannelActionKind.None)
                {
                    _handled.Add(channel);
                    if (response.Action.Kind == ChannelActionKind.StartStep && _runs.GetValueOrDefault(channel) is { } run)
                    {
                        await run.Journal.WhenDurableAsync(run.RunId, cancellationToken).ConfigureAwait(false);
                    }

                    if (await ExecuteAsync(channel, response.Action, cancellationToken).ConfigureAwait(false) is { } refused)
                    {
                        _runs.GetValueOrDefault(channel)?.OnCommandRefused(refused.Message, now);
                    }
                }

                done.TrySetResult(response);
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }
    }

    // Write-ahead: a step start goes to the device only once the checkpoint that describes it (and the previous step's
    // result) is committed, so a controller killed at any instant restarts knowing every step a device was told to run.
    // Stops never wait for the store. The starts of one poll wait for their commits together.
    private async Task StartStepsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_starts.Count == 0)
        {
            return;
        }

        try
        {
            _durable.Clear();
            foreach (var (_, run, _) in _starts)
            {
                _durable.Add(run.Journal.WhenDurableAsync(run.RunId, cancellationToken));
            }

            await Task.WhenAll(_durable).ConfigureAwait(false);
            foreach (var (channel, run, action) in _starts)
            {
                if (await ExecuteAsync(channel, action, cancellationToken).ConfigureAwait(false) is { } refused)
                {
                    run.OnCommandRefused(refused.Message, now);
                }
            }
        }
        finally
        {
            _starts.Clear();
        }
    }

    // A lost write shows in the next read (the step sequence does not move) and the run reacts there;
    // a Modbus exception is the device saying no, which the run hears at once.
    private async Task<ModbusException?> ExecuteAsync(int channel, ChannelAction action, CancellationToken cancellationToken)
    {
        try
        {
            switch (action.Kind)
            {
                case ChannelActionKind.StartStep:
                    await Driver.StartStepAsync(channel, action.Command!, cancellationToken).ConfigureAwait(false);
                    break;
                case ChannelActionKind.StopOutput:
                    await Driver.StopAsync(channel, cancellationToken).ConfigureAwait(false);
                    break;
                case ChannelActionKind.ClearFault:
                    await Driver.ClearFaultAsync(channel, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (ModbusException e)
        {
            LastError = e;
            return e;
        }
        catch (Exception e) when (IsCommunicationFailure(e))
        {
            LastError = e;
        }

        return null;
    }

    private async Task SendAsync(Func<ValueTask> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (Exception e) when (IsCommunicationFailure(e))
        {
            LastError = e;
        }
    }

    private static bool IsCommunicationFailure(Exception e) =>
        e is ModbusException or TimeoutException or IOException or System.Net.Sockets.SocketException;
}
