using System.IO.Ports;
using FormationControl.Modbus.Master;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Rtu;
using FormationControl.Modbus.Slave;
using FormationControl.Modbus.Tests.Support;

namespace FormationControl.Modbus.Tests.Slave;

/// <summary>
/// Over 100,000 random and mutated RTU frames through our slave's framing and answering, on a line in memory (the
/// serial port itself is tested on ptys): valid frames with random contents, frames with a bad CRC, cut short, run
/// together, for other units or broadcast, and plain noise. Afterwards a master on the same line is answered correctly.
/// </summary>
public class ModbusRtuSlaveFuzzTests
{
    private const int Frames = 100_000;

    [Fact]
    public async Task Survives_a_hundred_thousand_random_and_mutated_frames_and_still_answers_correctly()
    {
        var bank = new RegisterBank(200, [1, 7]);
        var line = new MemoryLine();
        var settings = new SerialLineSettings(115200, Parity.None);
        await using var slave = new ModbusRtuSlave(new ThrowingStore(bank, failingFrom: 190), new ModbusRtuSlaveOptions { InterFrameDelay = TimeSpan.Zero });
        slave.Start("memory", () => line.EndA, settings);
        // The answer to a marker request sent after the fuzz: once it comes, the slave has worked through everything.
        byte[] marker = new byte[8], markerAnswer = new byte[7];
        RtuFrame.Write(marker, 1, [0x04, 0x00, 0x7B, 0x00, 0x01]);
        RtuFrame.Write(markerAnswer, 1, [0x04, 0x02, 0x27, 0x8B]); // input register 123 holds 10123
        Task draining = DrainUntilAsync(line.EndB.Stream, markerAnswer);

        var fuzz = new FuzzPdus(seed: 7411);
        var chunk = new List<byte>(64 * 1024);
        for (int sent = 0; sent < Frames; sent++)
        {
            chunk.AddRange(Frame(fuzz));
            if (chunk.Count > 32 * 1024 || sent == Frames - 1)
            {
                await line.EndB.Stream.WriteAsync(chunk.ToArray()).AsTask().Within();
                chunk.Clear();
            }
        }

        await line.EndB.Stream.WriteAsync(marker).AsTask().Within();
        await draining.Within();

        // A master on the same line now: the slave, whatever the fuzz left in its buffer, answers it correctly.
        await using var master = ModbusRtuMaster.Open(
            "memory", () => line.EndB, settings, new ModbusRtuMasterOptions { InterFrameDelay = TimeSpan.Zero, Retries = 2, Timeout = TimeSpan.FromSeconds(3) });
        Assert.Equal(Enumerable.Range(0, 125).Select(a => (ushort)(10000 + a)), await master.ReadInputRegistersAsync(7, 0, 125).Within());
        Assert.True(slave.RequestsAnswered > 10_000, $"{slave.RequestsAnswered} answered");
        Assert.True(slave.DiscardedBytes > 0);
        Assert.True(slave.BroadcastsReceived > 0);
        Assert.True(slave.FramesIgnored > 0);
    }

    [Fact]
    public async Task After_noise_on_its_own_line_the_slave_answers_the_next_valid_request()
    {
        var bank = new RegisterBank(200, [1, 7]);
        var line = new MemoryLine();
        var settings = new SerialLineSettings(115200, Parity.None);
        await using var slave = new ModbusRtuSlave(bank, new ModbusRtuSlaveOptions { InterFrameDelay = TimeSpan.Zero });
        slave.Start("memory", () => line.EndA, settings);
        await using var master = ModbusRtuMaster.Open("memory", () => line.EndB, settings, new ModbusRtuMasterOptions { InterFrameDelay = TimeSpan.Zero, Retries = 2, Timeout = TimeSpan.FromSeconds(3) });
        var fuzz = new FuzzPdus(seed: 99);

        for (int round = 0; round < 200; round++)
        {
            // Noise and broken frames straight onto the line, then a real request through the master.
            byte[] noise = [.. Frame(fuzz), .. Frame(fuzz), .. fuzz.RandomBytes(fuzz.Random.Next(0, 30))];
            await line.EndB.Stream.WriteAsync(noise).AsTask().Within();
            ushort address = (ushort)fuzz.Random.Next(0, 150);
            Assert.Equal(new[] { (ushort)(10000 + address) }, await master.ReadInputRegistersAsync(7, address, 1).Within());
        }
    }

    /// <summary>A fuzz PDU in an RTU frame: usually a good CRC (so the slave acts on it), sometimes broken or cut.</summary>
    private static byte[] Frame(FuzzPdus fuzz)
    {
        Random random = fuzz.Random;
        if (random.Next(20) == 0)
        {
            return fuzz.RandomBytes(random.Next(1, 40));
        }

        byte unit = random.Next(5) switch { 0 => (byte)random.Next(256), 1 => 0, 2 => 7, _ => 1 };
        byte[] pdu = fuzz.Next();
        byte[] frame = new byte[pdu.Length + 3];
        RtuFrame.Write(frame, unit, pdu);
        switch (random.Next(10))
        {
            case 0:
                frame[^1] ^= (byte)random.Next(1, 256); // bad CRC
                break;
            case 1:
                return frame[..random.Next(1, frame.Length)]; // cut short
        }

        return frame;
    }

    /// <summary>Reads (and drops) the slave's answers, so the line never backs up, until <paramref name="last"/> has come.</summary>
    private static async Task DrainUntilAsync(Stream stream, byte[] last)
    {
        byte[] buffer = new byte[4096];
        var tail = new List<byte>();
        while (true)
        {
            int count = await stream.ReadAsync(buffer);
            Assert.True(count > 0, "the line closed");
            tail.AddRange(buffer.AsSpan(0, count));
            if (tail.Count >= last.Length && tail.GetRange(tail.Count - last.Length, last.Length).SequenceEqual(last))
            {
                return;
            }

            if (tail.Count > 1024)
            {
                tail.RemoveRange(0, tail.Count - last.Length);
            }
        }
    }
}
