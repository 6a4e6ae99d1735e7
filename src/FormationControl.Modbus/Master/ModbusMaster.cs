using System.Runtime.CompilerServices;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Modbus.Master;

/// <summary>
/// What every master does whatever the link: checks arguments, encodes the request, sends one request
/// at a time, retries timeouts, decodes the response. A transport (TCP now, RTU later) only moves a
/// PDU to a unit and brings back the matching response PDU.
/// </summary>
public abstract class ModbusMaster : IModbusMaster
{
    // One outstanding request per link: Modbus slaves answer in order, and RTU cannot multiplex at all.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _retries;
    private int _disposed;

    private protected ModbusMaster(int retries)
    {
        _retries = retries;
    }

    /// <summary>Buffer the request PDU is encoded into ( <see cref="ModbusLimits.MaxPduLength"/> bytes).</summary>
    private protected abstract Memory<byte> RequestPdu { get; }

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

        // Abort first so a request in flight ends now, then wait for it before freeing its buffers.
        AbortTransport();
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            ReleaseTransport();
        }
        finally
        {
            _gate.Release();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Sends the <paramref name="pduLength"/> bytes of <see cref="RequestPdu"/> to <paramref name="unitId"/> and
    /// returns the response PDU that belongs to it (valid until the next exchange). Throws
    /// <see cref="ModbusTimeoutException"/> when none arrives in time.
    /// </summary>
    private protected abstract ValueTask<ReadOnlyMemory<byte>> ExchangeAsync(
        byte unitId, ModbusFunctionCode function, int pduLength, CancellationToken ct);

    /// <summary>Makes I/O in flight fail promptly (close the socket or port).</summary>
    private protected abstract void AbortTransport();

    /// <summary>Frees buffers and timers; called once no request is in flight.</summary>
    private protected abstract void ReleaseTransport();

    private protected bool IsDisposed => Volatile.Read(ref _disposed) != 0;

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

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ExecuteAsync(byte unitId, MasterOperation operation, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            int length = operation.Encode(RequestPdu.Span);
            for (int attempt = 0; ; attempt++)
            {
                try
                {
                    ReadOnlyMemory<byte> response = await ExchangeAsync(unitId, operation.Function, length, ct).ConfigureAwait(false);
                    operation.Decode(response.Span, RequestPdu.Span[..length]);
                    return;
                }
                catch (ModbusTimeoutException) when (attempt < _retries)
                {
                    // Sent again below with a new transaction id; a late answer to this attempt is dropped.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
