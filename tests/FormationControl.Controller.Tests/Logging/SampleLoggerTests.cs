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
