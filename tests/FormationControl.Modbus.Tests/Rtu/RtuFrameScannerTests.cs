using CsCheck;
using FormationControl.Modbus.Protocol;
using FormationControl.Modbus.Rtu;

namespace FormationControl.Modbus.Tests.Rtu;

public class RtuFrameScannerTests
{
    // Unit 1 answers a read of 2 holding registers with 0x1234, 0x5678.
    private static readonly byte[] Answer = Frame("0103041234" + "5678");
    private static readonly RtuResponseRule ReadTwo = RtuResponseRule.For(1, Convert.FromHexString("0300000002"));

    private readonly RtuFrameScanner _scanner = new();
    private readonly byte[] _frame = new byte[RtuFrame.MaxLength];

    [Fact]
    public void Finds_a_whole_frame()
    {
        _scanner.Append(Answer);

        Assert.True(_scanner.TryReadFrame(ReadTwo, _frame, out int length));
        Assert.Equal(Answer, _frame[..length]);
        Assert.Equal(0, _scanner.BufferedBytes);
        Assert.Equal(0, _scanner.DiscardedBytes);
    }

    [Fact]
    public void Waits_for_a_frame_split_across_reads_however_it_is_cut()
    {
        for (int cut = 1; cut < Answer.Length; cut++)
        {
            var scanner = new RtuFrameScanner();
            scanner.Append(Answer.AsSpan(0, cut));
            Assert.False(scanner.TryReadFrame(ReadTwo, _frame, out _));
            Assert.Equal(cut, scanner.BufferedBytes);

            scanner.Append(Answer.AsSpan(cut));
            Assert.True(scanner.TryReadFrame(ReadTwo, _frame, out int length), $"cut at {cut}");
            Assert.Equal(Answer, _frame[..length]);
        }
    }

    [Fact]
    public void Arriving_one_byte_at_a_time_is_the_same()
    {
        foreach (byte b in Answer[..^1])
        {
            _scanner.Append([b]);
            Assert.False(_scanner.TryReadFrame(ReadTwo, _frame, out _));
        }

        _scanner.Append([Answer[^1]]);
        Assert.True(_scanner.TryReadFrame(ReadTwo, _frame, out _));
    }

    [Fact]
    public void Garbage_before_the_frame_is_hunted_past_and_counted()
    {
        // Garbage that itself looks like the start of the answer (01 03 04 ...) but whose CRC fails.
        byte[] garbage = Convert.FromHexString("FF0001030400000000");
        _scanner.Append([.. garbage, .. Answer]);

        Assert.True(_scanner.TryReadFrame(ReadTwo, _frame, out int length));
        Assert.Equal(Answer, _frame[..length]);
        Assert.Equal(garbage.Length, _scanner.DiscardedBytes);
    }

    [Fact]
    public void A_frame_with_a_bad_crc_is_dropped_and_the_next_good_one_found()
    {
        byte[] corrupt = (byte[])Answer.Clone();
        corrupt[4] ^= 0x40;
        _scanner.Append(corrupt);
        Assert.False(_scanner.TryReadFrame(ReadTwo, _frame, out _));

        _scanner.Append(Answer);
        Assert.True(_scanner.TryReadFrame(ReadTwo, _frame, out int length));
        Assert.Equal(Answer, _frame[..length]);
        Assert.Equal(corrupt.Length, _scanner.DiscardedBytes);
    }

    [Fact]
    public void A_false_start_waiting_for_more_bytes_does_not_hide_a_complete_frame_behind_it()
    {
        // 01 10 ... 0xF0 claims a 249-byte write request; the real request follows at once.
        var rule = default(RtuRequestRule);
        byte[] request = Frame("0103000A0002");
        _scanner.Append([.. Convert.FromHexString("0110000000780F"), .. request]);

        Assert.True(_scanner.TryReadFrame(rule, _frame, out int length));
        Assert.Equal(request, _frame[..length]);
    }

    [Fact]
    public void Several_frames_in_one_read_come_out_one_by_one()
    {
        var rule = default(RtuRequestRule);
        byte[] first = Frame("0103000A0002"), second = Frame("02060001ABCD"), third = Frame("0110000100020400010002");
        _scanner.Append([.. first, .. second, .. third]);

        Assert.True(_scanner.TryReadFrame(rule, _frame, out int length));
        Assert.Equal(first, _frame[..length]);
        Assert.True(_scanner.TryReadFrame(rule, _frame, out length));
        Assert.Equal(second, _frame[..length]);
        Assert.True(_scanner.TryReadFrame(rule, _frame, out length));
        Assert.Equal(third, _frame[..length]);
        Assert.False(_scanner.TryReadFrame(rule, _frame, out _));
    }

    [Fact]
    public void An_answer_of_another_shape_is_not_taken_for_the_awaited_one()
    {
        // A late answer to an earlier read of 3 registers, then the answer to this read of 2.
        byte[] stale = Frame("010306000100020003");
        _scanner.Append([.. stale, .. Answer]);

        Assert.True(_scanner.TryReadFrame(ReadTwo, _frame, out int length));
        Assert.Equal(Answer, _frame[..length]);
        Assert.Equal(stale.Length, _scanner.DiscardedBytes);
    }

    [Fact]
    public void An_exception_answer_is_found_too()
    {
        byte[] exception = Frame("018302");
        _scanner.Append([0x00, .. exception]);

        Assert.True(_scanner.TryReadFrame(ReadTwo, _frame, out int length));
        Assert.Equal(exception, _frame[..length]);
    }

    [Fact]
    public void After_silence_an_unmeasurable_frame_with_a_good_crc_is_taken_whole()
    {
        var rule = default(RtuRequestRule);
        byte[] unknown = Frame("0141AABBCC");
        _scanner.Append(unknown);
        Assert.False(_scanner.TryReadFrame(rule, _frame, out _));

        Assert.True(_scanner.TryTakeSilentFrame(_frame, out int length));
        Assert.Equal(unknown, _frame[..length]);
        Assert.Equal(0, _scanner.BufferedBytes);
    }

    [Fact]
    public void After_silence_undecided_bytes_with_a_bad_crc_are_dropped()
    {
        _scanner.Append(Convert.FromHexString("0141AABBCC0000"));

        Assert.False(_scanner.TryTakeSilentFrame(_frame, out _));
        Assert.Equal(0, _scanner.BufferedBytes);
        Assert.Equal(7, _scanner.DiscardedBytes);
    }

    [Fact]
    public void Clearing_drops_stale_bytes()
    {
        _scanner.Append(Answer.AsSpan(0, 5));

        _scanner.Clear();
        _scanner.Append(Answer);

        Assert.True(_scanner.TryReadFrame(ReadTwo, _frame, out int length));
        Assert.Equal(Answer, _frame[..length]);
        Assert.Equal(5, _scanner.DiscardedBytes);
    }

    [Fact]
    public void A_long_stream_of_noise_never_overflows_and_the_frame_after_it_is_found()
    {
        var rule = default(RtuRequestRule);
        var random = new Random(7);
        byte[] noise = new byte[20_000];
        random.NextBytes(noise);
        for (int i = 0; i < noise.Length; i += 173)
        {
            _scanner.Append(noise.AsSpan(i, Math.Min(173, noise.Length - i)));
            while (_scanner.TryReadFrame(rule, _frame, out _))
            {
                // A random valid frame is possible in principle (1 in 65536 per candidate); it is simply taken.
            }
        }

        _scanner.TryTakeSilentFrame(_frame, out _);
        byte[] request = Frame("0103000A0002");
        _scanner.Append(request);

        Assert.True(_scanner.TryReadFrame(rule, _frame, out int length));
        Assert.Equal(request, _frame[..length]);
    }

    [Fact]
    public void Any_split_of_garbage_and_frames_yields_exactly_the_frames()
    {
        var frames = Gen.Select(Gen.Byte[1, 247], Gen.UShort, Gen.UShort)
            .Select((unit, address, value) => Frame($"{unit:X2}06{address:X4}{value:X4}"));
        var garbage = Gen.Byte.Array[0, 6]; // noise between frames: any bytes; the CRC sorts them out
        Gen.Select(frames.Array[1, 8], garbage.Array[8], Gen.Int[1, 40]).Sample((sent, noise, chunk) =>
        {
            var scanner = new RtuFrameScanner();
            var stream = new List<byte>();
            for (int i = 0; i < sent.Length; i++)
            {
                stream.AddRange(noise[i]);
                stream.AddRange(sent[i]);
            }

            var found = new List<byte[]>();
            byte[] frame = new byte[RtuFrame.MaxLength];
            for (int i = 0; i < stream.Count; i += chunk)
            {
                scanner.Append(stream.GetRange(i, Math.Min(chunk, stream.Count - i)).ToArray());
                while (scanner.TryReadFrame(default(RtuRequestRule), frame, out int length))
                {
                    found.Add(frame[..length]);
                }
            }

            Assert.Equal(sent.Select(Convert.ToHexString), found.Select(Convert.ToHexString));
        });
    }

    private static byte[] Frame(string unitAndPduHex)
    {
        byte[] body = Convert.FromHexString(unitAndPduHex);
        byte[] frame = new byte[body.Length + 2];
        body.CopyTo(frame, 0);
        ushort crc = ModbusCrc.Compute(body);
        frame[^2] = (byte)crc;
        frame[^1] = (byte)(crc >> 8);
        return frame;
    }
}
