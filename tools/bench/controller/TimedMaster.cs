using FormationControl.Modbus.Master;

namespace FormationControl.ControllerBench;

/// <summary>
/// Passes every request to the unit's real master and records how long it took, so a slow cycle can be told apart:
/// waiting for answers (the other process, the loopback, the scheduler) or work in the controller between them.
/// Shared by all units (they poll concurrently); recording is lock-free.
/// </summary>
internal sealed class TimedMaster(IModbusMaster inner, RequestTimes times, TimeProvider time) : IModbusMaster
{
    public ValueTask ReadHoldingRegistersAsync(byte unitId, ushort address, Memory<ushort> destination, CancellationToken ct = default) =>
        TimeAsync(time.GetTimestamp(), inner.ReadHoldingRegistersAsync(unitId, address, destination, ct));

    public ValueTask ReadInputRegistersAsync(byte unitId, ushort address, Memory<ushort> destination, CancellationToken ct = default) =>
        TimeAsync(time.GetTimestamp(), inner.ReadInputRegistersAsync(unitId, address, destination, ct));

    public ValueTask ReadCoilsAsync(byte unitId, ushort address, Memory<bool> destination, CancellationToken ct = default) =>
        TimeAsync(time.GetTimestamp(), inner.ReadCoilsAsync(unitId, address, destination, ct));

    public ValueTask ReadDiscreteInputsAsync(byte unitId, ushort address, Memory<bool> destination, CancellationToken ct = default) =>
        TimeAsync(time.GetTimestamp(), inner.ReadDiscreteInputsAsync(unitId, address, destination, ct));

    public ValueTask WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken ct = default) =>
        TimeAsync(time.GetTimestamp(), inner.WriteSingleRegisterAsync(unitId, address, value, ct));

    public ValueTask WriteMultipleRegistersAsync(byte unitId, ushort address, ReadOnlyMemory<ushort> values, CancellationToken ct = default) =>
        TimeAsync(time.GetTimestamp(), inner.WriteMultipleRegistersAsync(unitId, address, values, ct));

    public ValueTask WriteSingleCoilAsync(byte unitId, ushort address, bool value, CancellationToken ct = default) =>
        TimeAsync(time.GetTimestamp(), inner.WriteSingleCoilAsync(unitId, address, value, ct));

    public ValueTask WriteMultipleCoilsAsync(byte unitId, ushort address, ReadOnlyMemory<bool> values, CancellationToken ct = default) =>
        TimeAsync(time.GetTimestamp(), inner.WriteMultipleCoilsAsync(unitId, address, values, ct));

    public ValueTask ReadWriteMultipleRegistersAsync(byte unitId, ushort readAddress, Memory<ushort> destination, ushort writeAddress, ReadOnlyMemory<ushort> values, CancellationToken ct = default) =>
        TimeAsync(time.GetTimestamp(), inner.ReadWriteMultipleRegistersAsync(unitId, readAddress, destination, writeAddress, values, ct));

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    // Arguments run left to right: the clock is read before the request is made.
    // An answer within the master's fast-path wait completes the call synchronously; awaiting it then costs nothing.
    private async ValueTask TimeAsync(long start, ValueTask request)
    {
        bool synchronous = request.IsCompleted;
        try
        {
            await request.ConfigureAwait(false);
        }
        finally
        {
            long end = time.GetTimestamp();
            times.Add(time.GetElapsedTime(start, end).TotalMilliseconds, synchronous, end);
        }
    }
}
