using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Peers;

/// <summary>A raw TCP client that sends hand-made bytes to a slave and reads its frames without our decoder.</summary>
internal sealed class RawModbusClient : IDisposable
{
    private readonly TcpClient _client = new();
    private NetworkStream? _stream;

    public static async Task<RawModbusClient> ConnectAsync(IPEndPoint endPoint)
    {
        var raw = new RawModbusClient();
        await raw._client.ConnectAsync(endPoint).Within();
        raw._stream = raw._client.GetStream();
        return raw;
    }

    public Task SendAsync(params byte[] bytes) => _stream!.WriteAsync(bytes).Within();

    /// <summary>Reads one response frame: transaction id, unit id and PDU.</summary>
    public async Task<(ushort TransactionId, byte UnitId, byte[] Pdu)> ReadFrameAsync()
    {
        byte[] header = new byte[7];
        await _stream!.ReadExactlyAsync(header).Within();
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2)));
        byte[] pdu = new byte[BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4)) - 1];
        await _stream.ReadExactlyAsync(pdu).Within();
        return (BinaryPrimitives.ReadUInt16BigEndian(header), header[6], pdu);
    }

    /// <summary>True once the slave has closed the connection (a read returns end of stream).</summary>
    public async Task<bool> IsClosedBySlaveAsync()
    {
        byte[] one = new byte[1];
        try
        {
            return await _stream!.ReadAsync(one).AsTask().Within() == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => _client.Dispose();
}
