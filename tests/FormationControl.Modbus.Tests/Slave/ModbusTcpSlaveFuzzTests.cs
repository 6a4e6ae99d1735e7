using System.Buffers.Binary;
using System.Net.Sockets;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Peers;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Slave;

/// <summary>
/// Over 100,000 random and mutated frames against our TCP slave: well-framed requests with random contents, MBAP
/// headers with a wrong protocol id or length, frames cut short or run together, plain noise. Afterwards (and on the
/// way) it must still answer valid requests correctly, on the connection that carried the fuzz and on a new one.
/// </summary>
public class ModbusTcpSlaveFuzzTests
{
    private const int Frames = 100_000;
    private const int FramesPerConnection = 10_000;

    [Fact]
    public async Task Survives_a_hundred_thousand_random_and_mutated_frames_and_still_answers_correctly()
    {
        var bank = new RegisterBank(200, [1, 7]);
        await using var slave = LoopbackSlave.Start(new ThrowingStore(bank, failingFrom: 190));
        await using var master = await slave.ConnectAsync();
        var fuzz = new FuzzPdus(seed: 20240611);
        int sent = 0;
        while (sent < Frames)
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(slave.EndPoint).Within();
            NetworkStream stream = client.GetStream();
            Task<byte[]> marker = ReadUntilMarkerAsync(stream);
            var batch = new List<byte>(1 << 20);
            for (int i = 0; i < FramesPerConnection; i++, sent++)
            {
                batch.AddRange(Frame(fuzz, (ushort)i));
            }

            await stream.WriteAsync(batch.ToArray()).AsTask().Within();

            // Bring the decoder back in step (zeros are never a valid header), then a valid request on the same connection.
            await stream.WriteAsync(new byte[300]).AsTask().Within();
            await stream.WriteAsync(Mbap(0xFFFF, 7, [0x04, 0x00, 0x0A, 0x00, 0x02])).AsTask().Within();
            byte[] answer = await marker.Within();
            Assert.Equal(Convert.FromHexString("0404271A271B"), answer); // input registers 10, 11 of unit 7: 10010, 10011

            // Meanwhile a well-behaved master on its own connection is answered correctly.
            Assert.Equal(new ushort[] { 10005, 10006, 10007 }, await master.ReadInputRegistersAsync(1, 5, 3).Within());
        }

        await using var fresh = await slave.ConnectAsync();
        Assert.Equal(Enumerable.Range(0, 125).Select(a => (ushort)(10000 + a)), await fresh.ReadInputRegistersAsync(7, 0, 125).Within());
        Assert.True(sent >= Frames);
    }

    /// <summary>A fuzz PDU in an MBAP frame, whose header is itself mutated now and then.</summary>
    private static byte[] Frame(FuzzPdus fuzz, ushort transactionId)
    {
        Random random = fuzz.Random;
        if (random.Next(20) == 0)
        {
            return fuzz.RandomBytes(random.Next(1, 40)); // noise with no header at all
        }

        byte[] frame = Mbap(transactionId, (byte)(random.Next(4) == 0 ? random.Next(256) : 1), fuzz.Next());
        switch (random.Next(12))
        {
            case 0:
                frame[2] = (byte)random.Next(1, 256); // protocol id not 0
                break;
            case 1:
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)random.Next(65536)); // length that lies
                break;
            case 2:
                return frame[..random.Next(1, frame.Length)]; // cut short: the next frame runs into it
        }

        return frame;
    }

    private static byte[] Mbap(ushort transactionId, byte unitId, byte[] pdu)
    {
        byte[] frame = new byte[7 + pdu.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, transactionId);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)(pdu.Length + 1));
        frame[6] = unitId;
        pdu.CopyTo(frame, 7);
        return frame;
    }

    /// <summary>Reads every answer the slave sends (so its socket never backs up) until the marker request's (transaction 0xFFFF, unit 7).</summary>
    private static async Task<byte[]> ReadUntilMarkerAsync(NetworkStream stream)
    {
        byte[] header = new byte[7];
        while (true)
        {
            await stream.ReadExactlyAsync(header);
            Assert.Equal(0, BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2))); // the slave's frames are always well formed
            int length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
            Assert.InRange(length, 2, 254);
            byte[] pdu = new byte[length - 1];
            await stream.ReadExactlyAsync(pdu);
            if (BinaryPrimitives.ReadUInt16BigEndian(header) == 0xFFFF && header[6] == 7)
            {
                return pdu;
            }
        }
    }
}
