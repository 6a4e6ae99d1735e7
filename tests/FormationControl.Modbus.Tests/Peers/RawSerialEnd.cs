using System.IO.Ports;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Peers;

/// <summary>
/// The other end of a serial line, driven byte by byte by the test: it reads what our master or slave sent and
/// writes whatever the test says (answers, garbage, cut or corrupt frames). Uses <see cref="SerialPort"/> raw,
/// none of our framing code. Everything received is kept in order until the test takes it.
/// </summary>
internal sealed class RawSerialEnd : IAsyncDisposable
{
    private readonly SerialPort _port;
    private readonly List<byte> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;

    private RawSerialEnd(SerialPort port)
    {
        _port = port;
        _pump = PumpAsync();
    }

    public static RawSerialEnd Open(string device, int baudRate = 115200, Parity parity = Parity.None, StopBits stopBits = StopBits.One)
    {
        var port = new SerialPort(device, baudRate, parity, 8, stopBits) { Handshake = Handshake.None };
        port.Open();
        return new RawSerialEnd(port);
    }

    /// <summary>Frames unit id and PDU (hex) with their CRC.</summary>
    public static byte[] Frame(string unitAndPduHex)
    {
        byte[] body = Convert.FromHexString(unitAndPduHex);
        ushort crc = ModbusCrc.Compute(body);
        return [.. body, (byte)crc, (byte)(crc >> 8)];
    }

    public Task WriteAsync(byte[] bytes) => _port.BaseStream.WriteAsync(bytes).AsTask().Within();

    /// <summary>Takes the next <paramref name="count"/> bytes received, waiting (bounded) until they are there.</summary>
    public async Task<byte[]> ReadAsync(int count)
    {
        while (true)
        {
            lock (_received)
            {
                if (_received.Count >= count)
                {
                    byte[] taken = _received.GetRange(0, count).ToArray();
                    _received.RemoveRange(0, count);
                    return taken;
                }
            }

            await _arrived.WaitAsync().Within();
        }
    }

    /// <summary>Takes the next frame of <paramref name="count"/> bytes and returns it in hex.</summary>
    public async Task<string> ReadHexAsync(int count) => Convert.ToHexString(await ReadAsync(count));

    /// <summary>Bytes received and not taken yet.</summary>
    public int Pending
    {
        get
        {
            lock (_received)
            {
                return _received.Count;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _port.Dispose();
        try
        {
            await _pump.Within();
        }
        catch (Exception)
        {
            // The pump ends with whatever the closed port threw.
        }

        _stopping.Dispose();
    }

    private async Task PumpAsync()
    {
        byte[] chunk = new byte[512];
        while (!_stopping.IsCancellationRequested)
        {
            int count = await _port.BaseStream.ReadAsync(chunk, _stopping.Token);
            lock (_received)
            {
                _received.AddRange(chunk.AsSpan(0, count));
            }

            _arrived.Release();
        }
    }
}
