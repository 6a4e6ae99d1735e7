using FormationControl.Modbus.Master;

namespace FormationControl.Controller.Hosting;

/// <summary>
/// The link to a unit that could not be opened at start. Requests fail at once as a transport failure (the unit
/// polls as offline, nothing waits on a connect), while a background loop tries to open the link again every
/// retry period; once it opens, requests go to the real master.
/// </summary>
internal sealed class DeferredMaster : IModbusMaster
{
    private readonly Func<CancellationToken, Task<IModbusMaster>> _open;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _retrying;
    private IModbusMaster? _inner;
    private volatile string _lastProblem;

    public DeferredMaster(string firstProblem, Func<CancellationToken, Task<IModbusMaster>> open, TimeSpan retryPeriod, TimeProvider time)
    {
        _open = open;
        _lastProblem = firstProblem;
        _retrying = RetryAsync(retryPeriod, time);
    }

    /// <summary>True once the link opened.</summary>
    public bool IsOpen => Volatile.Read(ref _inner) is not null;

    public ValueTask ReadHoldingRegistersAsync(byte unitId, ushort address, Memory<ushort> destination, CancellationToken ct = default) =>
        Inner().ReadHoldingRegistersAsync(unitId, address, destination, ct);

    public ValueTask ReadInputRegistersAsync(byte unitId, ushort address, Memory<ushort> destination, CancellationToken ct = default) =>
        Inner().ReadInputRegistersAsync(unitId, address, destination, ct);

    public ValueTask ReadCoilsAsync(byte unitId, ushort address, Memory<bool> destination, CancellationToken ct = default) =>
        Inner().ReadCoilsAsync(unitId, address, destination, ct);

    public ValueTask ReadDiscreteInputsAsync(byte unitId, ushort address, Memory<bool> destination, CancellationToken ct = default) =>
        Inner().ReadDiscreteInputsAsync(unitId, address, destination, ct);

    public ValueTask WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken ct = default) =>
        Inner().WriteSingleRegisterAsync(unitId, address, value, ct);

    public ValueTask WriteMultipleRegistersAsync(byte unitId, ushort address, ReadOnlyMemory<ushort> values, CancellationToken ct = default) =>
        Inner().WriteMultipleRegistersAsync(unitId, address, values, ct);

    public ValueTask WriteSingleCoilAsync(byte unitId, ushort address, bool value, CancellationToken ct = default) =>
        Inner().WriteSingleCoilAsync(unitId, address, value, ct);

    public ValueTask WriteMultipleCoilsAsync(byte unitId, ushort address, ReadOnlyMemory<bool> values, CancellationToken ct = default) =>
        Inner().WriteMultipleCoilsAsync(unitId, address, values, ct);

    public ValueTask ReadWriteMultipleRegistersAsync(byte unitId, ushort readAddress, Memory<ushort> destination, ushort writeAddress, ReadOnlyMemory<ushort> values, CancellationToken ct = default) =>
        Inner().ReadWriteMultipleRegistersAsync(unitId, readAddress, destination, writeAddress, values, ct);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _retrying.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (Volatile.Read(ref _inner) is { } inner)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private IModbusMaster Inner() =>
        Volatile.Read(ref _inner) ?? throw new IOException($"not connected (retrying every poll): {_lastProblem}");

    private async Task RetryAsync(TimeSpan period, TimeProvider time)
    {
        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            try
            {
                Volatile.Write(ref _inner, await _open(_stop.Token).ConfigureAwait(false));
                return;
            }
            catch (IOException e)
            {
                _lastProblem = e.Message;
            }
        }
    }
}
