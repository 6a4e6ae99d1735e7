using FormationControl.Cli.Commands.Measure;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Commands.Measure;

public sealed class EarlierSessionTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 10, 12, 0, 0, TimeSpan.Zero);

    private static AgeingMeasurementRecord M(string session, double daysAgo, double ocv, double? acir = 0.0005, double t = 25) =>
        new(0, "C1", session, "st", Now.AddDays(-daysAgo), ocv, acir, t);

    [Fact]
    public void The_latest_other_session_before_now_with_a_resistance_is_the_baseline()
    {
        var history = new[]
        {
            M("ocv0", 10, 3.71),
            M("ocv1", 7, 3.70),
            M("ocv1b", 6, 0.0, acir: null), // open then: no baseline
            M("ocv2", 1, 3.69),             // the session being measured again
            M("later", -1, 3.60),           // after now
        };

        Assert.Equal("ocv1", EarlierSession.LatestOf(history, "ocv2", Now)!.Session);
        Assert.Null(EarlierSession.LatestOf([M("ocv2", 1, 3.69)], "ocv2", Now));
    }

    [Fact]
    public void K_is_the_compensated_ocv_fall_per_day()
    {
        var settings = new MeasureSettings
        {
            Meter = "m", Line = new(9600), TrayFile = "t", Session = "ocv2", Db = "d",
            TemperatureCoefficientVPerK = 0.0004, ReferenceTemperatureC = 20,
        };
        var earlier = M("ocv1", 4, 3.7000, t: 28);

        var (k, problem) = EarlierSession.K(earlier, Now, 3.6950, 22, settings);

        // (3.7 - 0.0004*8) - (3.695 - 0.0004*2) = 0.0026 V over 4 days
        Assert.Null(problem);
        Assert.Equal(0.65, k!.Value, 1e-9);
    }

    [Fact]
    public void K_against_a_session_not_an_hour_before_is_refused_with_the_reason()
    {
        var settings = new MeasureSettings { Meter = "m", Line = new(9600), TrayFile = "t", Session = "ocv2", Db = "d" };

        var (k, problem) = EarlierSession.K(M("ocv1", -1, 3.7), Now, 3.7, 25, settings);
        var (close, tooClose) = EarlierSession.K(M("ocv1", 0.5 / 24, 3.7), Now, 3.69, 25, settings);

        Assert.Null(k);
        Assert.Contains("no K: session 'ocv1' is only -1440 min earlier", problem, StringComparison.Ordinal);
        Assert.Null(close);
        Assert.Equal("no K: session 'ocv1' is only 30 min earlier (K needs 1 h or more)", tooClose);
    }
}
