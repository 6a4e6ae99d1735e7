using CsCheck;
using FormationControl.Modbus.Tcp;
using FormationControl.Modbus.Tests.Peers;

namespace FormationControl.Modbus.Tests.Tcp;

public class MbapFrameDecoderTests
{
    private static readonly byte[] ReadRequest = ScriptedSlave.Frame(0x0102, 0x11, 0x03, 0x00, 0x6B, 0x00, 0x03);

    [Fact]
    public void Decodes_a_whole_frame()
    {
        using var decoder = new MbapFrameDecoder();
        Feed(decoder, ReadRequest);

        Assert.True(decoder.TryReadFrame(out MbapFrame frame));
        Assert.Equal(0x0102, frame.TransactionId);
        Assert.Equal(0x11, frame.UnitId);
        Assert.Equal("03006B0003", Convert.ToHexString(frame.Pdu.Span));
        Assert.False(decoder.TryReadFrame(out _));
        Assert.Equal(0, decoder.BufferedBytes);
    }

    [Fact]
    public void Waits_for_the_rest_of_a_frame_split_byte_by_byte()
    {
        using var decoder = new MbapFrameDecoder();
        for (int i = 0; i < ReadRequest.Length - 1; i++)
        {
            Feed(decoder, ReadRequest.AsSpan(i, 1));
            Assert.False(decoder.TryReadFrame(out _), $"a frame after {i + 1} of {ReadRequest.Length} bytes");
        }

        Feed(decoder, ReadRequest.AsSpan(^1));
        Assert.True(decoder.TryReadFrame(out MbapFrame frame));
        Assert.Equal("03006B0003", Convert.ToHexString(frame.Pdu.Span));
    }

    [Fact]
    public void Decodes_two_frames_that_arrive_in_one_read()
    {
        using var decoder = new MbapFrameDecoder();
        Feed(decoder, [.. ReadRequest, .. ScriptedSlave.Frame(7, 1, 0x06, 0x00, 0x01, 0x00, 0x03)]);

        Assert.True(decoder.TryReadFrame(out MbapFrame first));
        Assert.Equal(0x0102, first.TransactionId);
        Assert.True(decoder.TryReadFrame(out MbapFrame second));
        Assert.Equal(7, second.TransactionId);
        Assert.Equal("0600010003", Convert.ToHexString(second.Pdu.Span));
    }

    [Theory]
    [InlineData("FFFFFFFFFFFF")]
    [InlineData("DEADBEEF")]
    [InlineData("41")]
    public void Skips_garbage_before_a_frame_in_the_same_read(string garbage)
    {
        using var decoder = new MbapFrameDecoder();
        Feed(decoder, [.. Convert.FromHexString(garbage), .. ReadRequest]);

        Assert.True(decoder.TryReadFrame(out MbapFrame frame));
        Assert.Equal(0x0102, frame.TransactionId);
        Assert.Equal(garbage.Length / 2, decoder.DiscardedBytes);
    }

    [Fact]
    public void Skips_garbage_that_arrived_in_an_earlier_read()
    {
        using var decoder = new MbapFrameDecoder();
        Feed(decoder, "not modbus at all\r\n"u8);
        Assert.False(decoder.TryReadFrame(out _));

        Feed(decoder, ReadRequest);

        Assert.True(decoder.TryReadFrame(out MbapFrame frame));
        Assert.Equal(0x0102, frame.TransactionId);
    }

    [Theory]
    [InlineData("0001000100060103000A0001")] // protocol id 1
    [InlineData("000100000001")] // length 1: no room for a function code
    [InlineData("00010000FFFF")] // length 65535
    [InlineData("000100000100")] // length 256, above the 254 maximum
    public void Drops_headers_that_cannot_be_valid(string bad)
    {
        using var decoder = new MbapFrameDecoder();
        Feed(decoder, [.. Convert.FromHexString(bad), .. ReadRequest]);

        Assert.True(decoder.TryReadFrame(out MbapFrame frame));
        Assert.Equal(0x0102, frame.TransactionId);
        Assert.Equal("03006B0003", Convert.ToHexString(frame.Pdu.Span));
        Assert.True(decoder.DiscardedBytes > 0);
    }

    [Fact]
    public void Accepts_the_largest_frame()
    {
        byte[] pdu = new byte[253];
        pdu[0] = 0x10;
        pdu[^1] = 0xAA;
        using var decoder = new MbapFrameDecoder();
        Feed(decoder, ScriptedSlave.Frame(1, 1, pdu));

        Assert.True(decoder.TryReadFrame(out MbapFrame frame));
        Assert.Equal(253, frame.Pdu.Length);
        Assert.Equal(0xAA, frame.Pdu.Span[^1]);
    }

    [Fact]
    public void Any_split_of_a_frame_stream_yields_the_same_frames()
    {
        var frames = Gen.Select(Gen.UShort, Gen.Byte, Gen.Byte.Array[1, 253])
            .Select((id, unit, pdu) => (id, unit, pdu)).List[1, 20];
        Gen.Select(frames, Gen.Int[1, 300].Array[1, 50]).Sample((list, chunkSizes) =>
        {
            byte[] stream = list.SelectMany(f => ScriptedSlave.Frame(f.id, f.unit, f.pdu)).ToArray();
            using var decoder = new MbapFrameDecoder();
            var decoded = new List<(ushort, byte, string)>();
            int offset = 0, chunk = 0;
            while (offset < stream.Length)
            {
                Memory<byte> memory = decoder.GetReceiveMemory();
                int count = Math.Min(Math.Min(chunkSizes[chunk++ % chunkSizes.Length], memory.Length), stream.Length - offset);
                stream.AsSpan(offset, count).CopyTo(memory.Span);
                decoder.Advance(count);
                offset += count;
                while (decoder.TryReadFrame(out MbapFrame frame))
                {
                    decoded.Add((frame.TransactionId, frame.UnitId, Convert.ToHexString(frame.Pdu.Span)));
                }
            }

            Assert.Equal(list.Select(f => (f.id, f.unit, Convert.ToHexString(f.pdu))), decoded);
            Assert.Equal(0, decoder.DiscardedBytes);
        });
    }

    [Fact]
    public void Advance_past_the_receive_memory_is_refused()
    {
        using var decoder = new MbapFrameDecoder();
        int free = decoder.GetReceiveMemory().Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Advance(free + 1));
    }

    private static void Feed(MbapFrameDecoder decoder, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(decoder.GetReceiveMemory().Span);
        decoder.Advance(bytes.Length);
    }
}
