using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Reading;

public class SafetyLimitsReaderTests
{
    private static string With(string from, string to)
    {
        string json = ProfileJson.With();
        Assert.Contains(from, json, StringComparison.Ordinal);
        return json.Replace(from, to, StringComparison.Ordinal);
    }

    private static IReadOnlyList<ProfileDiagnostic> Errors(string json) => ProfileLoader.Parse(json, "p.json").Diagnostics;

    [Fact]
    public void Max_voltage_must_be_above_min_voltage()
    {
        string json = With("\"maxVoltage\": \"4.25 V\"", "\"maxVoltage\": \"2.4 V\"");
        DiagnosticAssert.Single(Errors(json), "$.safety.maxVoltage", TextPosition.Of(json, "\"2.4 V\"", 2), "must be above safety.minVoltage (2.4 V)");
    }

    [Fact]
    public void Temperature_must_trip_before_the_cell_rating()
    {
        string json = With("\"maxTemperature\": \"55 degC\"", "\"maxTemperature\": \"65 degC\"");
        DiagnosticAssert.Single(Errors(json), "$.safety.maxTemperature", TextPosition.Of(json, "\"65 degC\""), "must not exceed cell.maxTemperature (60 degC)");
    }

    [Fact]
    public void Step_duration_must_fit_in_total_duration()
    {
        string json = With("\"maxTotalDuration\": \"72 h\"", "\"maxTotalDuration\": \"12 h\"");
        DiagnosticAssert.Single(Errors(json), "$.safety.maxStepDuration", TextPosition.Of(json, "\"24 h\""), "must not exceed safety.maxTotalDuration (12 h)");
    }

    [Fact]
    public void Duration_with_wrong_dimension_is_reported()
    {
        string json = With("\"maxStepDuration\": \"24 h\"", "\"maxStepDuration\": \"24 V\"");
        DiagnosticAssert.Single(Errors(json), "$.safety.maxStepDuration", TextPosition.Of(json, "\"24 V\""), "expected a duration (e.g. \"30 min\"), but \"24 V\" is a voltage");
    }

    [Fact]
    public void Missing_current_is_reported_at_the_section()
    {
        string json = With("\n    \"maxCurrent\": \"60 A\",", string.Empty);
        DiagnosticAssert.Single(Errors(json), "$.safety", TextPosition.Of(json, "{\n    \"minVoltage\": \"2.4 V\""), "the safety section needs a 'maxCurrent' field");
    }

    [Fact]
    public void Durations_are_optional_and_current_may_be_a_c_rate()
    {
        string json = With(",\n    \"maxStepDuration\": \"24 h\",\n    \"maxTotalDuration\": \"72 h\"", string.Empty).Replace("\"60 A\"", "\"0.6C\"", StringComparison.Ordinal);
        var result = ProfileLoader.Parse(json, "p.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(new SafetyLimits(2.4, 4.25, 60, 55, null, null), result.Profile.Safety);
    }

    [Fact]
    public void A_step_stopped_by_the_watchdog_during_a_comm_loss_faults_unless_the_profile_says_resume()
    {
        var byDefault = ProfileLoader.Parse(ProfileJson.With(), "p.json");
        var resume = ProfileLoader.Parse(With("\"maxTotalDuration\": \"72 h\"", "\"maxTotalDuration\": \"72 h\",\n    \"onCommLoss\": \"resume\""), "p.json");

        Assert.False(byDefault.Profile!.Safety.ResumeAfterCommLoss);
        Assert.True(resume.Succeeded, string.Join("\n", resume.Diagnostics));
        Assert.True(resume.Profile!.Safety.ResumeAfterCommLoss);
    }

    [Fact]
    public void An_unknown_comm_loss_policy_is_reported_where_it_is_written()
    {
        string json = With("\"maxTotalDuration\": \"72 h\"", "\"maxTotalDuration\": \"72 h\",\n    \"onCommLoss\": \"retry\"");
        DiagnosticAssert.Single(Errors(json), "$.safety.onCommLoss", TextPosition.Of(json, "\"retry\""), "must be \"fault\" or \"resume\", not \"retry\"");
    }
}
