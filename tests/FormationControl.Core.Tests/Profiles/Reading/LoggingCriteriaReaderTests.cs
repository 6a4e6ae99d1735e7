using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Reading;

public class LoggingCriteriaReaderTests
{
    private static IReadOnlyList<ProfileDiagnostic> Errors(string json) => ProfileLoader.Parse(json, "p.json").Diagnostics;

    [Fact]
    public void At_least_one_criterion_is_required()
    {
        string json = ProfileJson.With(logging: "  \"logging\": { }");
        DiagnosticAssert.Single(Errors(json), "$.logging", TextPosition.Of(json, "{ }"), "the logging section needs at least one of: interval, deltaVoltage, deltaCurrent");
    }

    [Fact]
    public void Wrong_dimension_and_non_positive_values_are_reported_together()
    {
        string json = ProfileJson.With(logging: "  \"logging\": { \"interval\": \"0 s\", \"deltaVoltage\": \"5 mA\" }");
        var errors = Errors(json);
        Assert.Equal(2, errors.Count);
        DiagnosticAssert.Matches(errors[0], "$.logging.interval", TextPosition.Of(json, "\"0 s\""), "must be greater than zero");
        DiagnosticAssert.Matches(errors[1], "$.logging.deltaVoltage", TextPosition.Of(json, "\"5 mA\""), "expected a voltage (e.g. \"4.2 V\"), but \"5 mA\" is a current");
    }

    [Fact]
    public void Delta_current_may_be_a_c_rate()
    {
        string json = ProfileJson.With(logging: "  \"logging\": { \"deltaCurrent\": \"C/100\" }");
        Assert.Equal(new LoggingCriteria(null, null, 1), ProfileLoader.Parse(json, "p.json").Profile!.Logging);
    }

    [Fact]
    public void A_step_may_replace_the_logging()
    {
        string json = ProfileJson.With(steps: """
                { "type": "rest", "limits": [ { "time": "1 h" } ], "logging": { "interval": "1 s" } }
            """);
        var step = Assert.Single(ProfileLoader.Parse(json, "p.json").Profile!.Steps);
        Assert.Equal(new LoggingCriteria(TimeSpan.FromSeconds(1), null, null), step.Logging);
    }

    [Fact]
    public void Step_logging_problems_carry_the_step_path()
    {
        string json = ProfileJson.With(steps: """
                { "type": "rest", "limits": [ { "time": "1 h" } ], "logging": { "intervall": "1 s" } }
            """);
        var errors = Errors(json);
        Assert.Equal(2, errors.Count);
        DiagnosticAssert.Matches(errors[0], "$.steps[0].logging", TextPosition.Of(json, "{ \"intervall\""), "the step's logging needs at least one of");
        DiagnosticAssert.Matches(errors[1], "$.steps[0].logging.intervall", TextPosition.Of(json, "\"intervall\""), "unknown field 'intervall' in the step's logging; did you mean 'interval'?");
    }
}
