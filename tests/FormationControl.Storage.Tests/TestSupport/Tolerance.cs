namespace FormationControl.Storage.Tests;

/// <summary>Asserts that a stored sample equals the appended one to within <see cref="SampleResolution"/>.</summary>
internal static class Tolerance
{
    public static void AssertWithinResolution(SampleRecord expected, SampleRecord actual)
    {
        Assert.Equal(expected.RunId, actual.RunId);
        Assert.Equal(expected.StepIndex, actual.StepIndex);
        Assert.Equal(TimeSpan.Zero, actual.Time.Offset);
        var timeError = Math.Abs(expected.Time.UtcTicks - actual.Time.UtcTicks);
        Assert.True(timeError <= TimeSpan.TicksPerMillisecond / 2, $"Time: stored {actual.Time:O} differs from appended {expected.Time:O} by {timeError} ticks");
        Near(expected.StepTimeS, actual.StepTimeS, SampleResolution.StepTimeS, "StepTimeS");
        Near(expected.VoltageV, actual.VoltageV, SampleResolution.VoltageV, "VoltageV");
        Near(expected.CurrentA, actual.CurrentA, SampleResolution.CurrentA, "CurrentA");
        Near(expected.TemperatureC, actual.TemperatureC, SampleResolution.TemperatureC, "TemperatureC");
        Near(expected.StepAh, actual.StepAh, SampleResolution.StepAh, "StepAh");
        Near(expected.StepWh, actual.StepWh, SampleResolution.StepWh, "StepWh");
    }

    private static void Near(double expected, double actual, double resolution, string field)
    {
        // Half a resolution step, plus the rounding of the double arithmetic itself.
        var allowed = (resolution / 2) + (Math.Abs(expected) * 1e-12);
        Assert.True(
            Math.Abs(expected - actual) <= allowed,
            $"{field}: stored {actual:R} differs from appended {expected:R} by more than {allowed:R}");
    }
}
