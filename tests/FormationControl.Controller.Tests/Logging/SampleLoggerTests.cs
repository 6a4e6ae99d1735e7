using FormationControl.Controller.Logging;
using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Tests.Logging;

public class SampleLoggerTests
{
    private static readonly LoggingCriteria Every30sOr5mV = new(TimeSpan.FromSeconds(30), 0.005, null);

    [Fact]
    public void Keeps_the_first_sample_then_one_per_interval()
    {
        var logger = new SampleLogger(Every30sOr5mV);
        var kept = Enumerable.Range(0, 13).Where(i => logger.ShouldLog(i * 5, 3.700, 10)).ToList();
        Assert.Equal([0, 6, 12], kept); // t = 0, 30, 60 s
    }

    [Fact]
    public void A_poll_every_interval_with_jitter_keeps_every_poll()
    {
        // Polled every 1 s by the controller's clock; the device's step time jitters by up to ±40 ms.
        var logger = new SampleLogger(new LoggingCriteria(TimeSpan.FromSeconds(1), null, null));
        double[] jitter = [0, -0.04, 0.03, -0.02, 0.04, -0.03, 0.01, -0.04, 0.02, 0];
        var kept = jitter.Select((j, i) => logger.ShouldLog(i + j, 3.7, 10)).Count(k => k);
        Assert.Equal(jitter.Length, kept);
    }

    [Fact]
    public void Fast_polls_keep_one_sample_per_interval_on_its_grid()
    {
        var logger = new SampleLogger(new LoggingCriteria(TimeSpan.FromSeconds(1), null, null));
        var kept = Enumerable.Range(0, 101).Select(i => i * 0.1).Where(t => logger.ShouldLog(t, 3.7, 10)).ToList();
        Assert.Equal(11, kept.Count); // 0 s, then about once a second: not every 0.9 s
        Assert.All(kept.Zip(kept.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 0.85, 1.15));
    }

    [Fact]
    public void A_voltage_move_of_the_threshold_is_kept_early()
    {
        var logger = new SampleLogger(Every30sOr5mV);
        Assert.True(logger.ShouldLog(0, 3.700, 10));
        Assert.False(logger.ShouldLog(5, 3.704, 10));
        Assert.True(logger.ShouldLog(10, 3.7051, 10));
        Assert.False(logger.ShouldLog(15, 3.709, 10)); // measured from the last kept sample
    }

    [Fact]
    public void Current_threshold_applies_when_set_and_boundaries_are_always_kept()
    {
        var logger = new SampleLogger(new LoggingCriteria(null, null, 0.5));
        Assert.True(logger.ShouldLog(0, 4.2, 10));
        Assert.False(logger.ShouldLog(100, 4.2, 9.6));
        Assert.True(logger.ShouldLog(200, 4.2, 9.5));
        Assert.True(logger.ShouldLog(201, 4.2, 9.5, boundary: true));
    }

    [Fact]
    public void A_new_step_starts_afresh_with_its_own_criteria()
    {
        var logger = new SampleLogger(Every30sOr5mV);
        Assert.True(logger.ShouldLog(0, 3.7, 0));
        logger.BeginStep(new LoggingCriteria(TimeSpan.FromSeconds(1), null, null));
        Assert.True(logger.ShouldLog(0, 3.7, 0));
        Assert.True(logger.ShouldLog(1, 3.7, 0));
    }
}
