using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Modbus.Master;

/// <summary>
/// Modbus RTU master on a serial line (<see cref="System.IO.Ports.SerialPort"/>). One request at a time: the
/// line is silent for the inter-frame delay, stale bytes are dropped, the frame goes out, and the answer is found
/// by its expected length and CRC, hunting past garbage, bad CRCs and answers of another shape. Unit 0 is a
/// broadcast: writes only, and no answer is awaited. When the port fails (a USB adapter unplugged, the other end
/// of a pty gone) the request fails with <see cref="ModbusTransportException"/> (or is retried) and the next
/// request opens the port again; the old one is closed off the request path, so reopening never hangs.
/// </summary>
public sealed class ModbusRtuMaster : ModbusMaster
{
    private readonly RtuLink _link;
    private readonly ModbusRtuMasterOptions _options;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interFrameDelay;
    private readonly SerialLineSettings _settings;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _request = new byte[RtuFrame.MaxLength];
    private readonly byte[] _response = new byte[RtuFrame.MaxLength];
    private readonly RequestDeadline _deadline;
    private long _quietFrom;
    private TimeSpan _quietFor;

    private ModbusRtuMaster(RtuLink link, SerialLineSettings settings, ModbusRtuMasterOptions options)
        : base(options.CreateRetryPolicy())
    {
        _link = link;
        _settings = settings;
        _options = options;
        _time = options.TimeProvider;
        _interFrameDelay = options.InterFrameDelay ?? settings.InterFrameDelay;
        _deadline = new RequestDeadline(_time);
        _quietFrom = _time.GetTimestamp();
    }

    /// <summary>The serial device, as given when the master was opened.</summary>
    public string Device => _link.Name;

    public SerialLineSettings Settings => _settings;

    /// <summary>Received bytes that belonged to no awaited answer (garbage, bad CRCs, stale or foreign frames).</summary>
    public long DiscardedBytes => _link.DiscardedBytes;

    /// <summary>Times the port was opened again after it failed.</summary>
    public long Reopens => _link.Reopens;

    /// <summary>Opens <paramref name="device"/> (for example /dev/ttyUSB0 or COM3) with <paramref name="settings"/>.</summary>
    /// <exception cref="ModbusTransportException">The port cannot be opened; the message names it.</exception>
    public static ModbusRtuMaster Open(string device, SerialLineSettings settings, ModbusRtuMasterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        ArgumentNullException.ThrowIfNull(settings);
        return Open(device, () => SerialRtuPort.Open(device, settings), settings, options);
    }

    /// <summary>A master over any byte stream (tests, serial-over-TCP gateways): <paramref name="open"/> is called again after a failure.</summary>
    internal static ModbusRtuMaster Open(string name, Func<IRtuPort> open, SerialLineSettings settings, ModbusRtuMasterOptions? options)
    {
        options ??= new ModbusRtuMasterOptions();
        options.Validate();
        var link = new RtuLink(name, open, options.TimeProvider, options.CloseTimeout);
        link.Open();
        return new ModbusRtuMaster(link, settings, options);
    }

    private protected override void CheckUnit(byte unitId, MasterOperation operation)
    {
        if (unitId == RtuFrame.BroadcastUnitId && !operation.IsWrite)
        {
            throw new ArgumentException(
                $"Unit 0 is the broadcast address: only writes (functions 5, 6, 15, 16) may be broadcast, not function {(byte)operation.Function} ({operation.Function}).",
                nameof(unitId));
        }
    }

    private protected override async ValueTask TransactAsync(byte unitId, MasterOperation operation, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            await _link.EnsureOpenAsync(ct).ConfigureAwait(false);
            _request[0] = unitId;
            int pduLength = operation.Encode(_request.AsSpan(1, ModbusLimits.MaxPduLength));
            int frameLength = RtuFrame.AppendCrc(_request, 1 + pduLength);
            await WaitForQuietLineAsync(ct).ConfigureAwait(false);
            _link.ClearReceived();
            await ExchangeAsync(unitId, operation, pduLength, frameLength, ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private protected override async ValueTask DisposeTransportAsync()
    {
        // Close first so a request waiting for bytes ends now, then wait for it before freeing the timer.
        await _link.DisposeAsync().ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _deadline.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask ExchangeAsync(byte unitId, MasterOperation operation, int pduLength, int frameLength, CancellationToken ct)
    {
        CancellationToken token = _deadline.Start(_options.Timeout, ct);
        try
        {
            try
            {
                await _link.WriteAsync(_request.AsMemory(0, frameLength), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (_deadline.Expired && !ct.IsCancellationRequested)
            {
                // A write that does not finish in time means the port is stuck or gone.
                throw _link.Fail($"the request could not be written within {_options.Timeout.TotalMilliseconds:0.###} ms", e);
            }

            if (unitId == RtuFrame.BroadcastUnitId)
            {
                KeepQuiet(_settings.TransmissionTime(frameLength) + _options.BroadcastTurnaround);
                return;
            }

            var rule = RtuResponseRule.For(unitId, _request.AsSpan(1, pduLength));
            int responseLength;
            while (!_link.TryReadFrame(rule, _response, out responseLength))
            {
                await _link.WaitForBytesAsync(token).ConfigureAwait(false);
            }

            KeepQuiet(TimeSpan.Zero);
            operation.Decode(_response.AsSpan(1, responseLength - 3), _request.AsSpan(1, pduLength));
        }
        catch (OperationCanceledException) when (_deadline.Expired && !ct.IsCancellationRequested)
        {
            KeepQuiet(TimeSpan.Zero);
            throw new ModbusTimeoutException(unitId, (byte)operation.Function, _options.Timeout);
        }
        finally
        {
            _deadline.Stop();
        }
    }

    /// <summary>Notes that the line is busy for <paramref name="extra"/> more, then must stay silent for the inter-frame delay.</summary>
    private void KeepQuiet(TimeSpan extra)
    {
        _quietFrom = _time.GetTimestamp();
        _quietFor = extra + _interFrameDelay;
    }

    private Task WaitForQuietLineAsync(CancellationToken ct)
    {
        TimeSpan remaining = _quietFor - _time.GetElapsedTime(_quietFrom);
        return remaining > TimeSpan.Zero ? Task.Delay(remaining, _time, ct) : Task.CompletedTask;
    }
}
