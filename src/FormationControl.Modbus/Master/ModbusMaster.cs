using System.Runtime.CompilerServices;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Master;

/// <summary>
/// What every master does whatever the link: checks arguments, retries timeouts and broken links with
/// back-off, and turns failures after disposal into <see cref="ObjectDisposedException"/>. A transport (TCP or
/// RTU) encodes one request, moves it to a unit, and decodes the matching response.
/// </summary>
public abstract class ModbusMaster : IModbusMaster
{
    private readonly RetryPolicy _retry;
    private int _disposed;

    private protected ModbusMaster(RetryPolicy retry)
    {
        _retry = retry;
    }

    /// <inheritdoc/>
    public ValueTask ReadHoldingRegistersAsync(byte unitId, ushort address, Memory<ushort> destination, CancellationToken ct = default) =>
        ReadRegistersAsync(unitId, ModbusFunctionCode.ReadHoldingRegisters, address, destination, ct);

    /// <inheritdoc/>
    public ValueTask ReadInputRegistersAsync(byte unitId, ushort address, Memory<ushort> destination, CancellationToken ct = default) =>
        ReadRegistersAsync(unitId, ModbusFunctionCode.ReadInputRegisters, address, destination, ct);

    /// <inheritdoc/>
    public ValueTask ReadCoilsAsync(byte unitId, ushort address, Memory<bool> destination, CancellationToken ct = default) =>
        ReadBitsAsync(unitId, ModbusFunctionCode.ReadCoils, address, destination, ct);

    /// <inheritdoc/>
    public ValueTask ReadDiscreteInputsAsync(byte unitId, ushort address, Memory<bool> destination, CancellationToken ct = default) =>
        ReadBitsAsync(unitId, ModbusFunctionCode.ReadDiscreteInputs, address, destination, ct);

    /// <inheritdoc/>
    public ValueTask WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken ct = default) =>
        ExecuteAsync(unitId, new MasterOperation { Function = ModbusFunctionCode.WriteSingleRegister, Address = address, Value = value }, ct);

    /// <inheritdoc/>
    public ValueTask WriteSingleCoilAsync(byte unitId, ushort address, bool value, CancellationToken ct = default) =>
        ExecuteAsync(unitId, new MasterOperation { Function = ModbusFunctionCode.WriteSingleCoil, Address = address, Value = value ? (ushort)1 : (ushort)0 }, ct);

    /// <inheritdoc/>
    public ValueTask WriteMultipleRegistersAsync(byte unitId, ushort address, ReadOnlyMemory<ushort> values, CancellationToken ct = default)
    {
        const ModbusFunctionCode function = ModbusFunctionCode.WriteMultipleRegisters;
        ModbusLimits.CheckQuantity(values.Length, ModbusLimits.MaxWriteRegisters, address, nameof(values), function);
        return ExecuteAsync(unitId, new MasterOperation { Function = function, Address = address, RegistersWritten = values }, ct);
    }

    /// <inheritdoc/>
    public ValueTask WriteMultipleCoilsAsync(byte unitId, ushort address, ReadOnlyMemory<bool> values, CancellationToken ct = default)
    {
        const ModbusFunctionCode function = ModbusFunctionCode.WriteMultipleCoils;
        ModbusLimits.CheckQuantity(values.Length, ModbusLimits.MaxWriteBits, address, nameof(values), function);
        return ExecuteAsync(unitId, new MasterOperation { Function = function, Address = address, BitsWritten = values }, ct);
    }

    /// <inheritdoc/>
    public ValueTask ReadWriteMultipleRegistersAsync(
        byte unitId,
        ushort readAddress,
        Memory<ushort> destination,
        ushort writeAddress,
        ReadOnlyMemory<ushort> values,
        CancellationToken ct = default)
    {
        const ModbusFunctionCode function = ModbusFunctionCode.ReadWriteMultipleRegisters;
        ModbusLimits.CheckQuantity(destination.Length, ModbusLimits.MaxReadRegisters, readAddress, nameof(destination), function);
        ModbusLimits.CheckQuantity(values.Length, ModbusLimits.MaxReadWriteWriteRegisters, writeAddress, nameof(values), function);
        var operation = new MasterOperation
        {
            Function = function,
            Address = readAddress,
            RegistersRead = destination,
            WriteAddress = writeAddress,
            RegistersWritten = values,
        };
        return ExecuteAsync(unitId, operation, ct);
    }

    /// <summary>Closes the link; a request in flight fails, later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await DisposeTransportAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private protected bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// One attempt: encodes <paramref name="operation"/>, sends it to <paramref name="unitId"/>, waits for the
    /// response (at most the timeout) and decodes it into the operation's destination.
    /// </summary>
    private protected abstract ValueTask TransactAsync(byte unitId, MasterOperation operation, CancellationToken ct);

    /// <summary>Ends I/O in flight promptly (close the socket or port), waits for it, and frees buffers and timers.</summary>
    private protected abstract ValueTask DisposeTransportAsync();

    private ValueTask ReadRegistersAsync(
        byte unitId, ModbusFunctionCode function, ushort address, Memory<ushort> destination, CancellationToken ct)
    {
        ModbusLimits.CheckQuantity(destination.Length, ModbusLimits.MaxReadRegisters, address, nameof(destination), function);
        return ExecuteAsync(unitId, new MasterOperation { Function = function, Address = address, RegistersRead = destination }, ct);
    }

    private ValueTask ReadBitsAsync(
        byte unitId, ModbusFunctionCode function, ushort address, Memory<bool> destination, CancellationToken ct)
    {
        ModbusLimits.CheckQuantity(destination.Length, ModbusLimits.MaxReadBits, address, nameof(destination), function);
        return ExecuteAsync(unitId, new MasterOperation { Function = function, Address = address, BitsRead = destination }, ct);
    }

    private ValueTask ExecuteAsync(byte unitId, MasterOperation operation, CancellationToken ct)
    {
        if (IsDisposed)
        {
            return ValueTask.FromException(new ObjectDisposedException(GetType().Name));
        }

        CheckUnit(unitId, operation);
        return _retry.Retries == 0 ? TransactOnceAsync(unitId, operation, ct) : TransactWithRetriesAsync(unitId, operation, ct);
    }

    /// <summary>Lets a transport refuse a unit id for a function before anything is sent (RTU: no broadcast reads).</summary>
    private protected virtual void CheckUnit(byte unitId, MasterOperation operation)
    {
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask TransactOnceAsync(byte unitId, MasterOperation operation, CancellationToken ct)
    {
        try
        {
            await TransactAsync(unitId, operation, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (IsDisposed && e is not ObjectDisposedException)
        {
            throw Disposed(e);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask TransactWithRetriesAsync(byte unitId, MasterOperation operation, CancellationToken ct)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                await TransactAsync(unitId, operation, ct).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (IsDisposed && e is not ObjectDisposedException)
            {
                throw Disposed(e);
            }
            catch (Exception e) when (_retry.ShouldRetry(attempt, e))
            {
                // A timed-out request goes again with a new transaction id (a late answer to this one is dropped);
                // after a broken link the next attempt reopens it.
            }

            await _retry.WaitBeforeAsync(attempt + 1, ct).ConfigureAwait(false);
            ObjectDisposedException.ThrowIf(IsDisposed, this);
        }
    }

    private ObjectDisposedException Disposed(Exception cause) =>
        new($"{GetType().Name} was disposed during the request ({cause.GetType().Name}: {cause.Message}).", cause);
}
