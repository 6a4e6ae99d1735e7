using System.Buffers;
using System.Net.Sockets;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Tcp;

namespace FormationControl.Modbus.Slave;

/// <summary>
/// Serves one client: reads frames, answers each from the store in order, one socket write per response.
/// Requests for units the store does not serve get no answer (as pymodbus does). Bytes that cannot be
/// framed are skipped by the decoder. Any failure ends only this connection.
/// </summary>
internal sealed class TcpSlaveConnection(Socket socket, IModbusDataStore store)
{
    /// <summary>Serves until the client closes, the link fails, or <paramref name="token"/> is cancelled; then closes the socket.</summary>
    public async Task RunAsync(CancellationToken token)
    {
        using var decoder = new MbapFrameDecoder();
        byte[] response = ArrayPool<byte>.Shared.Rent(MbapHeader.MaxFrameLength);
        try
        {
            while (true)
            {
                int count = await socket.ReceiveAsync(decoder.GetReceiveMemory(), SocketFlags.None, token).ConfigureAwait(false);
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
                    await SendAsync(response.AsMemory(0, MbapHeader.Length + pduLength), token).ConfigureAwait(false);
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

    /// <summary>Closes the socket so a pending receive ends at once.</summary>
    public void Abort() => socket.Dispose();

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

    private async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken token)
    {
        while (!frame.IsEmpty)
        {
            int sent = await socket.SendAsync(frame, SocketFlags.None, token).ConfigureAwait(false);
            frame = frame[sent..];
        }
    }
}
