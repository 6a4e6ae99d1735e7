using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Peers;

/// <summary>
/// A raw TCP listener the test drives byte by byte: it reads the master's requests and answers
/// whatever the test says (late, stale, malformed, or not at all). Independent of our framing code.
/// </summary>
internal sealed class ScriptedSlave : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private TcpClient? _client;
    private NetworkStream? _stream;

    private ScriptedSlave() => _listener.Start();

    /// <summary>Listens on 127.0.0.1 with a free port.</summary>
    public static ScriptedSlave Start() => new();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async Task AcceptAsync()
    {
        _client = await _listener.AcceptTcpClientAsync().Within();
        _stream = _client.GetStream();
    }

    /// <summary>Reads one request frame: transaction id, unit id and PDU.</summary>
    public async Task<(ushort TransactionId, byte UnitId, byte[] Pdu)> ReadRequestAsync()
    {
        byte[] header = new byte[7];
        await _stream!.ReadExactlyAsync(header).Within();
        Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2)));
        int length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
        byte[] pdu = new byte[length - 1];
        await _stream.ReadExactlyAsync(pdu).Within();
        return (BinaryPrimitives.ReadUInt16BigEndian(header), header[6], pdu);
    }

    public Task SendAsync(byte[] bytes) => _stream!.WriteAsync(bytes).Within();

    /// <summary>Sends a response frame with the given transaction id, unit id and PDU.</summary>
    public Task AnswerAsync(ushort transactionId, byte unitId, params byte[] pdu) => SendAsync(Frame(transactionId, unitId, pdu));

    /// <summary>Closes the connection from the slave's side.</summary>
    public void Hangup() => _client?.Dispose();

    public static byte[] Frame(ushort transactionId, byte unitId, params byte[] pdu)
    {
        byte[] frame = new byte[7 + pdu.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)(pdu.Length + 1));
        frame[6] = unitId;
        pdu.CopyTo(frame, 7);
        return frame;
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _listener.Stop();
        _listener.Dispose();
        return ValueTask.CompletedTask;
    }
}
