using CsCheck;

namespace FormationControl.Storage.Tests;

public class ZigZagVarintTests
{
    [Theory]
    [InlineData(0L, 1)]
    [InlineData(1L, 1)]
    [InlineData(-1L, 1)]
    [InlineData(63L, 1)]
    [InlineData(-64L, 1)]
    [InlineData(64L, 2)]
    [InlineData(-65L, 2)]
    [InlineData(8191L, 2)]
    [InlineData(8192L, 3)]
    [InlineData(long.MaxValue, 10)]
    [InlineData(long.MinValue, 10)]
    public void SmallMagnitudesOfEitherSignTakeFewBytes(long value, int expectedBytes)
    {
        Span<byte> buffer = stackalloc byte[ZigZagVarint.MaxBytes];
        var written = ZigZagVarint.Write(buffer, value);
        var position = 0;

        Assert.Equal(expectedBytes, written);
        Assert.True(ZigZagVarint.TryRead(buffer[..written], ref position, out var read));
        Assert.Equal(value, read);
        Assert.Equal(written, position);
    }

    [Fact]
    public void EveryLongRoundTrips() =>
        Gen.Long.Sample(value =>
        {
            var buffer = new byte[ZigZagVarint.MaxBytes];
            var written = ZigZagVarint.Write(buffer, value);
            var position = 0;
            return ZigZagVarint.TryRead(buffer, ref position, out var read) && read == value && position == written;
        });

    [Fact]
    public void TruncatedValueIsNotRead()
    {
        var buffer = new byte[ZigZagVarint.MaxBytes];
        var written = ZigZagVarint.Write(buffer, 1_000_000);
        var position = 0;

        Assert.False(ZigZagVarint.TryRead(buffer.AsSpan(0, written - 1), ref position, out _));
    }

    [Fact]
    public void OverlongValueIsNotRead()
    {
        var bytes = Enumerable.Repeat((byte)0x80, 11).Append((byte)0).ToArray();
        var position = 0;

        Assert.False(ZigZagVarint.TryRead(bytes, ref position, out _));
    }
}
