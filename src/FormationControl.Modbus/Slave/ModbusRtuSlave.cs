using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Modbus.Slave;

/// <summary>
/// Modbus RTU slave on a serial line, answering from an <see cref="IModbusDataStore"/> for every unit the store
/// serves. Frames are found by length and CRC; garbage, bad CRCs and cut frames are hunted past. Frames for
/// other units are stepped over whole and never answered; a broadcast (unit 0) write is carried out for every
/// served unit and never answered. If the port fails it is closed off the serving loop and opened again after
/// <see cref="ModbusRtuSlaveOptions.ReopenDelay"/>.
/// </summary>
public sealed class ModbusRtuSlave : IAsyncDisposable
{
    // A reply that cannot be written in this long (plus its time on the wire) means the port is stuck.
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinimumSilence = TimeSpan.FromMilliseconds(2);

    private readonly IModbusDataStore _store;
    private readonly ModbusRtuSlaveOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private RtuLink? _link;
    private Task? _serving;
    private long _answered;
    private long _ignored;
    private long _broadcasts;

    public ModbusRtuSlave(IModbusDataStore store, ModbusRtuSlaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new ModbusRtuSlaveOptions();
        _options.Validate();
    }

    /// <summary>Requests answered (with data or an exception code).</summary>
    public long RequestsAnswered => Interlocked.Read(ref _answered);

    /// <summary>Valid frames addressed to units the store does not serve (not answered).</summary>
    public long FramesIgnored => Interlocked.Read(ref _ignored);

    /// <summary>Broadcast writes carried out (never answered).</summary>
    public long BroadcastsReceived => Interlocked.Read(ref _broadcasts);

    /// <summary>Received bytes that were not part of any frame (noise, bad CRCs, cut frames).</summary>
    public long DiscardedBytes => _link?.DiscardedBytes ?? 0;

    /// <summary>The last failure of the port (it is being reopened), or <c>null</c>.</summary>
    public Exception? LastPortError { get; private set; }

    /// <summary>Opens <paramref name="device"/> with <paramref name="settings"/> and starts answering.</summary>
    /// <exception cref="IOException">The port cannot be opened; the message names it.</exception>
    public void Start(string device, SerialLineSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        ArgumentNullException.ThrowIfNull(settings);
        Start(device, () => SerialRtuPort.Open(device, settings), settings);
    }

    /// <summary>Serves on any byte stream; <paramref name="open"/> is called again after a failure.</summary>
    internal void Start(string name, Func<IRtuPort> open, SerialLineSettings settings)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (_link is not null)
        {
            throw new InvalidOperationException($"The Modbus RTU slave already serves {_link.Name}.");
        }

        var link = new RtuLink(name, open, _options.TimeProvider, _options.CloseTimeout);
        link.Open();
        _link = link;
        TimeSpan delay = _options.InterFrameDelay ?? settings.InterFrameDelay;
        _serving = ServeAsync(link, settings, delay, _stopping.Token);
    }

    /// <summary>Stops answering and closes the port. A stopped slave cannot be started again.</summary>
    public async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        if (_link is not null)
        {
            await _link.DisposeAsync().ConfigureAwait(false);
        }

        if (_serving is not null)
        {
            await _serving.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task ServeAsync(RtuLink link, SerialLineSettings settings, TimeSpan interFrameDelay, CancellationToken stop)
    {
        TimeProvider time = _options.TimeProvider;
        TimeSpan silenceLimit = interFrameDelay > MinimumSilence ? interFrameDelay : MinimumSilence;
        byte[] request = new byte[RtuFrame.MaxLength];
        byte[] response = new byte[RtuFrame.MaxLength];
        using var deadline = new RequestDeadline(time);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await link.EnsureOpenAsync(stop).ConfigureAwait(false);
                int length;
                if (link.TryReadFrame(default(RtuRequestRule), request, out length))
                {
                    await HandleAsync(link, request.AsMemory(0, length), response, settings, interFrameDelay, deadline, stop).ConfigureAwait(false);
                }
                else if (!link.HasBufferedBytes)
                {
                    await link.WaitForBytesAsync(stop).ConfigureAwait(false);
                }
                else if (await IsSilentAsync(link, silenceLimit, deadline, stop).ConfigureAwait(false)
                    && link.TryTakeSilentFrame(request, out length))
                {
                    await HandleAsync(link, request.AsMemory(0, length), response, settings, interFrameDelay, deadline, stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ModbusTransportException e)
            {
                LastPortError = e;
                try
                {
                    await Task.Delay(_options.ReopenDelay, time, stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Waits for more bytes or a silence; true when the line went silent with bytes undecided.</summary>
    private static async ValueTask<bool> IsSilentAsync(RtuLink link, TimeSpan limit, RequestDeadline deadline, CancellationToken stop)
    {
        CancellationToken token = deadline.Start(limit, stop);
        try
        {
            await link.WaitForBytesAsync(token).ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException) when (deadline.Expired && !stop.IsCancellationRequested)
        {
            return true;
        }
        finally
        {
            deadline.Stop();
        }
    }

    private async ValueTask HandleAsync(
        RtuLink link, ReadOnlyMemory<byte> frame, byte[] response, SerialLineSettings settings, TimeSpan interFrameDelay,
        RequestDeadline deadline, CancellationToken stop)
    {
        byte unitId = frame.Span[0];
        ReadOnlyMemory<byte> pdu = frame[1..^2];
        if (unitId == RtuFrame.BroadcastUnitId)
        {
            CarryOutBroadcast(pdu.Span, response);
            return;
        }

        if (!Serves(unitId))
        {
            Interlocked.Increment(ref _ignored);
            return;
        }

        int pduLength = ModbusPduResponder.Respond(_store, unitId, pdu.Span, response.AsSpan(1, ModbusLimits.MaxPduLength));
        response[0] = unitId;
        int length = RtuFrame.AppendCrc(response, 1 + pduLength);
        if (interFrameDelay > TimeSpan.Zero)
        {
            await Task.Delay(interFrameDelay, _options.TimeProvider, stop).ConfigureAwait(false);
        }

        CancellationToken token = deadline.Start(WriteTimeout + settings.TransmissionTime(length), stop);
        try
        {
            await link.WriteAsync(response.AsMemory(0, length), token).ConfigureAwait(false);
            Interlocked.Increment(ref _answered);
        }
        catch (OperationCanceledException e) when (deadline.Expired && !stop.IsCancellationRequested)
        {
            throw link.Fail("a reply could not be written in time", e);
        }
        finally
        {
            deadline.Stop();
        }
    }

    private void CarryOutBroadcast(ReadOnlySpan<byte> pdu, byte[] scratch)
    {
        if (pdu.IsEmpty || (ModbusFunctionCode)pdu[0] is not (ModbusFunctionCode.WriteSingleCoil or ModbusFunctionCode.WriteSingleRegister
            or ModbusFunctionCode.WriteMultipleCoils or ModbusFunctionCode.WriteMultipleRegisters))
        {
            return; // only writes may be broadcast; anything else is ignored, and nothing is ever answered
        }

        Interlocked.Increment(ref _broadcasts);
        for (int unitId = 1; unitId <= 247; unitId++)
        {
            if (Serves((byte)unitId))
            {
                ModbusPduResponder.Respond(_store, (byte)unitId, pdu, scratch.AsSpan(1, ModbusLimits.MaxPduLength));
            }
        }
    }

    private bool Serves(byte unitId)
    {
        try
        {
            return _store.ServesUnit(unitId);
        }
        catch (Exception)
        {
            // A store that cannot say is treated like an absent unit: no answer.
            return false;
        }
    }
}
