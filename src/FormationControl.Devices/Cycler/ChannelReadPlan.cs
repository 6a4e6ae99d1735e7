namespace FormationControl.Devices.Cycler;

/// <summary>
/// Coalesces the status blocks of consecutive channels into as few reads as the protocol allows
/// (at most 125 registers each). A read never splits a channel, so a 32-bit value is never torn across
/// two requests.
/// </summary>
public sealed class ChannelReadPlan
{
    /// <summary>The most registers one read may ask for (Modbus function codes 3 and 4).</summary>
    public const int MaxRegistersPerRead = 125;

    public ChannelReadPlan(int channelCount, int stride, int span)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channelCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(span, MaxRegistersPerRead);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(span, stride);
        int perRead = stride > MaxRegistersPerRead ? 1 : 1 + ((MaxRegistersPerRead - span) / stride);
        var reads = new List<ChannelRead>();
        for (int first = 0; first < channelCount; first += perRead)
        {
            int count = Math.Min(perRead, channelCount - first);
            reads.Add(new ChannelRead(first, count, ((count - 1) * stride) + span));
        }

        Reads = reads;
    }

    /// <summary>The reads of one poll, in channel order.</summary>
    public IReadOnlyList<ChannelRead> Reads { get; }
}

/// <summary>One coalesced read: <paramref name="ChannelCount"/> channels from <paramref name="FirstChannel"/>, <paramref name="RegisterCount"/> registers.</summary>
public readonly record struct ChannelRead(int FirstChannel, int ChannelCount, int RegisterCount);
