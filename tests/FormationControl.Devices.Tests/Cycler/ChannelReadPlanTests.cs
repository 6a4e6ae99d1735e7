using CsCheck;
using FormationControl.Devices.Cycler;

namespace FormationControl.Devices.Tests.Cycler;

public class ChannelReadPlanTests
{
    [Fact]
    public void Sixty_four_channels_of_sixteen_registers_take_ten_reads_of_at_most_125()
    {
        var plan = new ChannelReadPlan(64, 16, 16);
        Assert.Equal(10, plan.Reads.Count);
        Assert.All(plan.Reads, r => Assert.InRange(r.RegisterCount, 1, 125));
        Assert.Equal(64, plan.Reads.Sum(r => r.ChannelCount));
        Assert.Equal(new ChannelRead(0, 7, 112), plan.Reads[0]);
        Assert.Equal(new ChannelRead(63, 1, 16), plan.Reads[^1]);
    }

    [Fact]
    public void Gaps_between_blocks_are_read_but_not_past_the_last_field()
    {
        // stride 40, span 30: 3 channels fit (30 + 2 x 40 = 110 <= 125)
        var plan = new ChannelReadPlan(5, 40, 30);
        Assert.Equal([new ChannelRead(0, 3, 110), new ChannelRead(3, 2, 70)], plan.Reads);
    }

    [Fact]
    public void Reads_cover_every_channel_once_in_order()
    {
        Gen.Int[1, 256].Select(Gen.Int[1, 125]).Sample((channels, span) =>
        {
            var plan = new ChannelReadPlan(channels, span + 3, span);
            int next = 0;
            foreach (var r in plan.Reads)
            {
                if (r.FirstChannel != next || r.RegisterCount > 125)
                {
                    return false;
                }

                next += r.ChannelCount;
            }

            return next == channels;
        });
    }
}
