using System.Buffers;
using System.Net.Sockets;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Tcp;

namespace FormationControl.Modbus.Slave;

/// <summary>
/// Serves one client: reads frames, answers each from the store in order, one socket write per response. After an
/// answer it waits briefly on its thread for the client's next request (see <see cref="ModbusTcpSlaveOptions.FastPathWait"/>),
/// otherwise asynchronously in <see cref="SocketReadiness"/>; the socket never enters .NET's socket engine, so a busy
/// client costs the system calls a C server makes. Requests for units the store does not serve get no answer (as
/// pymodbus does). Bytes that cannot be framed are skipped by the decoder. Any failure ends only this connection.
/// </summary>
internal sealed class TcpSlaveConnection(Socket socket, IModbusDataStore store, TimeSpan fastPathWait)
{
    // A client that does not read its answers for this long is dropped rather than holding a thread in send.
    private const int SendTimeoutMilliseconds = 10_000;

    // A client that keeps the connection busy gives its thread back to the pool this often.
    private const int RequestsBetweenYields = 4096;

    /// <summary>Serves until the client closes, the link fails, or <paramref name="token"/> is cancelled; then closes the socket.</summary>
    public async Task RunAsync(CancellationToken token)
    {
        using var decoder = new MbapFrameDecoder();
        byte[] response = ArrayPool<byte>.Shared.Rent(MbapHeader.MaxFrameLength);
        var fastPath = new FastPathBudget(fastPathWait);
        var wait = new ReadinessWait();
        try
        {
            socket.SendTimeout = SendTimeoutMilliseconds;
            for (int served = 1; ; served++)
            {
                await WaitForRequestAsync(fastPath, wait, token).ConfigureAwait(false);
                int count = socket.Receive(decoder.GetReceiveMemory().Span, SocketFlags.None);
                if (count == 0)
                {
                    return;
                }

                decoder.Advance(count);
                while (decoder.TryReadFrame(out MbapFrame frame))
                {
                    if (!Serves(frame.UnitId))
                    {
                        continue;
                    }

                    int pduLength = ModbusPduResponder.Respond(
                        store, frame.UnitId, frame.Pdu.Span, response.AsSpan(MbapHeader.Length, ModbusLimits.MaxPduLength));
                    MbapHeader.Write(response, frame.TransactionId, frame.UnitId, pduLength);
                    Send(response.AsSpan(0, MbapHeader.Length + pduLength));
                }

                if (served % RequestsBetweenYields == 0)
                {
                    await Task.Yield();
                }
            }
        }
        catch (Exception)
        {
            // The client went away, the slave is stopping, or the link broke: whatever it was, it ends
            // this connection only. The store's own failures never get here (they are answered as code 4).
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(response);
            socket.Dispose();
        }
    }

    /// <summary>Closes the socket so a pending wait ends at once.</summary>
    public void Abort() => socket.Dispose();

    /// <summary>Returns once the socket can be read: at once on the fast path, else after an asynchronous wait.</summary>
    private ValueTask WaitForRequestAsync(FastPathBudget fastPath, ReadinessWait wait, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        if (fastPath.ShouldTry())
        {
            if (socket.Poll(fastPath.Microseconds, SelectMode.SelectRead))
            {
                fastPath.Hit();
                return default;
            }

            fastPath.Miss();
        }

        return WaitAsync(wait, token);
    }

    private async ValueTask WaitAsync(ReadinessWait wait, CancellationToken token)
    {
        // A ready report can be stale (the poller saw an earlier state), so readiness is checked again here.
        while (!socket.Poll(0, SelectMode.SelectRead))
        {
            await SocketReadiness.Shared.WaitAsync(wait, socket, SelectMode.SelectRead, token).ConfigureAwait(false);
        }
    }

    private void Send(ReadOnlySpan<byte> frame)
    {
        // One write per frame; the loop only matters if the kernel accepted part of it.
        while (!frame.IsEmpty)
        {
            frame = frame[socket.Send(frame, SocketFlags.None)..];
        }
    }

    private bool Serves(byte unitId)
    {
        try
        {
            return store.ServesUnit(unitId);
        }
        catch (Exception)
        {
            // A store that cannot say is treated like an absent unit: no answer.
            return false;
        }
    }
}
