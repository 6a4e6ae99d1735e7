using FormationControl.Modbus.Tcp;

namespace FormationControl.Modbus.Tests.Tcp;

public class FastPathBudgetTests
{
    [Fact]
    public void A_zero_wait_never_tries()
    {
        var budget = new FastPathBudget(TimeSpan.Zero);

        Assert.False(budget.ShouldTry());
        Assert.Equal(0, budget.Microseconds);
    }

    [Fact]
    public void Occasional_misses_change_nothing()
    {
        var budget = new FastPathBudget(TimeSpan.FromMilliseconds(1));

        for (int i = 0; i < 100; i++)
        {
            Assert.True(budget.ShouldTry());
            if (i % 3 == 0)
            {
                budget.Miss();
            }
            else
            {
                budget.Hit();
            }
        }

        Assert.Equal(1000, budget.Microseconds);
    }

    [Fact]
    public void A_peer_that_keeps_missing_is_skipped_longer_each_time_up_to_64_and_one_hit_resets_it()
    {
        var budget = new FastPathBudget(TimeSpan.FromMilliseconds(1));
        var skipped = new List<int>();
        for (int round = 0; round < 9; round++)
        {
            Assert.True(budget.ShouldTry());
            budget.Miss();
            int skips = 0;
            while (!budget.ShouldTry())
            {
                skips++;
            }

            skipped.Add(skips);
        }

        Assert.Equal(new[] { 0, 0, 1, 2, 4, 8, 16, 32, 64 }, skipped);

        budget.Hit();
        budget.Miss();
        Assert.True(budget.ShouldTry());
    }
}
