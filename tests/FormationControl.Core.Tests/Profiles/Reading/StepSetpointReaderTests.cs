using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Reading;

/// <summary>The step types added to the skeleton: constant power, constant resistance, pulse, OCV, label and end.</summary>
public class StepSetpointReaderTests
{
    private static (string Json, IReadOnlyList<ProfileDiagnostic> Errors) Load(string steps)
    {
        string json = ProfileJson.With(steps: steps);
        return (json, ProfileLoader.Parse(json, "p.json").Diagnostics);
    }

    private static ProfileStep LoadOne(string step)
    {
        var result = ProfileLoader.Parse(ProfileJson.With(steps: step), "p.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Profile.Steps[0];
    }

    [Theory]
    [InlineData("""{ "type": "chargeCp", "power": "50 W", "limits": [ { "voltage": ">= 4.1 V" } ] }""", StepType.ChargeCp, 50.0, null)]
    [InlineData("""{ "type": "dischargeCp", "power": "120000 mW", "limits": [ { "voltage": "<= 3 V" } ] }""", StepType.DischargeCp, 120.0, null)]
    [InlineData("""{ "type": "dischargeCr", "resistance": "250 mOhm", "limits": [ { "voltage": "<= 3 V" } ] }""", StepType.DischargeCr, null, 0.25)]
    public void Power_and_resistance_steps_load(string step, StepType type, double? powerW, double? resistanceOhm)
    {
        var loaded = LoadOne(step);
        Assert.Equal((type, powerW, resistanceOhm, (double?)null), (loaded.Type, loaded.PowerW, loaded.ResistanceOhm, loaded.CurrentA));
    }

    [Theory]
    [InlineData("""{ "type": "dischargeCp", "power": "200 W", "limits": [ { "voltage": "<= 3.0 V" } ] }""", "\"200 W\"", "200 W at 3 V (its voltage limit) draws 66.667 A, which reaches safety.maxCurrent (60 A): the channel would fault")]
    [InlineData("""{ "type": "chargeCp", "power": "300 W", "limits": [ { "voltage": ">= 4.1 V" } ] }""", "\"300 W\"", "300 W at 2.5 V (cell.minVoltage) draws 120 A, which exceeds cell.maxChargeCurrent (100 A)")]
    [InlineData("""{ "type": "dischargeCr", "resistance": "50 mOhm", "limits": [ { "voltage": "<= 3.0 V" } ] }""", "\"50 mOhm\"", "0.05 Ohm at 4.2 V (cell.maxVoltage) draws 84 A, which reaches safety.maxCurrent (60 A)")]
    [InlineData("""{ "type": "chargeCp", "power": "50 A", "limits": [ { "voltage": ">= 4.1 V" } ] }""", "\"50 A\"", "expected a power (e.g. \"50 W\"), but \"50 A\" is a current")]
    [InlineData("""{ "type": "dischargeCr", "resistance": "0 Ohm", "limits": [ { "voltage": "<= 3 V" } ] }""", "\"0 Ohm\"", "must be greater than zero")]
    public void Power_and_resistance_are_checked_at_the_voltage_where_the_current_is_highest(string step, string needle, string message)
    {
        var (json, errors) = Load(step);
        Assert.Contains(Assert.Single(errors).JsonPath, new[] { "$.steps[0].power", "$.steps[0].resistance" });
        DiagnosticAssert.Single(errors, errors[0].JsonPath, TextPosition.InSteps(json, needle), message);
    }

    [Theory]
    [InlineData("""{ "type": "chargeCp", "current": "1 A", "power": "5 W", "limits": [ { "time": "1 h" } ] }""", "current", "\"1 A\"", "a chargeCp step takes no current")]
    [InlineData("""{ "type": "chargeCc", "current": "1 A", "power": "5 W", "limits": [ { "time": "1 h" } ] }""", "power", "\"5 W\"", "a chargeCc step takes no power; constant power is chargeCp or dischargeCp")]
    [InlineData("""{ "type": "rest", "resistance": "1 Ohm", "limits": [ { "time": "1 h" } ] }""", "resistance", "\"1 Ohm\"", "a rest step takes no resistance; constant resistance is dischargeCr")]
    [InlineData("""{ "type": "cv", "voltage": "4 V", "levels": [], "limits": [ { "time": "1 h" } ] }""", "levels", "[]", "a cv step takes no levels; pulse levels belong to a pulse step")]
    [InlineData("""{ "type": "pulse", "current": "1 A", "levels": [ { "rest": "1 s" } ] }""", "current", "\"1 A\"", "a pulse step takes its currents from 'levels'")]
    [InlineData("""{ "type": "rest", "count": 3, "limits": [ { "time": "1 h" } ] }""", "count", "3,", "'count' belongs to loop steps (\"type\": \"loop\")")]
    public void Fields_of_other_step_types_are_reported(string step, string field, string needle, string message)
    {
        var (json, errors) = Load(step);
        DiagnosticAssert.Single(errors, $"$.steps[0].{field}", TextPosition.InSteps(json, needle), message);
    }

    [Fact]
    public void Pulse_levels_are_signed_currents_with_durations_and_limits_are_optional()
    {
        var pulse = LoadOne("""{ "type": "pulse", "levels": [ { "discharge": "0.5C", "duration": "10 s" }, { "rest": "40 s" }, { "charge": "C/2", "duration": "500 ms" } ] }""");
        Assert.Equal([new PulseLevel(-50, 10), new PulseLevel(0, 40), new PulseLevel(50, 0.5)], pulse.PulseLevels);
        Assert.Empty(pulse.Limits);
        Assert.True(pulse.EndsByItself);
    }

    [Theory]
    [InlineData("""[ { "discharge": "2C", "duration": "10 s" } ]""", "$.steps[0].levels[0].discharge", "\"2C\"", "exceeds cell.maxDischargeCurrent (100 A)")]
    [InlineData("""[ { "charge": "1 A" } ]""", "$.steps[0].levels[0]", "{ \"charge\"", "a pulse level needs a 'duration' field (how long the charge level lasts, e.g. \"10 s\")")]
    [InlineData("""[ { "rest": "1 s", "duration": "2 s" } ]""", "$.steps[0].levels[0].duration", "\"2 s\"", "a rest level's duration is its value")]
    [InlineData("""[ { "duration": "2 s" } ]""", "$.steps[0].levels[0]", "{ \"duration\"", "a pulse level needs one of: \"charge\" or \"discharge\"")]
    [InlineData("""[ { "dischrge": "1 A", "duration": "2 s" } ]""", "$.steps[0].levels[0].dischrge", "\"dischrge\"", "unknown field 'dischrge' in a pulse level; did you mean 'discharge'?")]
    [InlineData("""[]""", "$.steps[0].levels", "[]", "a pulse step needs at least one level")]
    [InlineData("""{ "rest": "1 s" }""", "$.steps[0].levels", "{ \"rest\"", "expected an array of pulse levels, not an object")]
    public void Pulse_level_problems_are_reported(string levels, string path, string needle, string message)
    {
        var (json, errors) = Load($$"""{ "type": "pulse", "levels": {{levels}} }""");
        DiagnosticAssert.Contains(errors, path, TextPosition.InSteps(json, needle), message);
    }

    [Fact]
    public void Pulse_limits_only_guard_it()
    {
        var (json, errors) = Load("""{ "type": "pulse", "levels": [ { "rest": "1 s" } ], "limits": [ { "time": "1 h" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].limits[0].time", TextPosition.InSteps(json, "\"1 h\""), "a pulse step ends after its last level; its limits only guard it");
    }

    [Fact]
    public void Ocv_step_is_a_rest_that_records_and_needs_a_limit()
    {
        var ocv = LoadOne("""{ "type": "ocv", "limits": [ { "dvdt": "<= 1 mV/h" }, { "time": "2 h" } ] }""");
        Assert.Equal(StepType.Ocv, ocv.Type);
        var (json, errors) = Load("""{ "type": "ocv", "limits": [] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].limits", TextPosition.InSteps(json, "[]"), "the step can never end: it needs at least one limit (a ocv step ends on time, voltage, dV/dt (<=) or temperature)");
    }

    [Fact]
    public void Label_and_end_steps_are_control_steps_without_setpoints_or_limits()
    {
        var result = ProfileLoader.Parse(ProfileJson.With(steps: """
                { "label": "top", "type": "label", "description": "a place" },
                { "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "type": "end" }
            """), "p.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal([(StepType.Label, true), (StepType.Rest, false), (StepType.End, true)], result.Profile.Steps.Select(s => (s.Type, s.IsControl)));
        Assert.All(result.Profile.Steps.Where(s => s.IsControl), s => Assert.Empty(s.Limits));
    }

    [Theory]
    [InlineData("label", "\"current\": \"1 A\"", "current", "a label step only marks a place to go to and takes no 'current'")]
    [InlineData("end", "\"logging\": { \"interval\": \"1 s\" }", "logging", "an end step ends the profile and takes no 'logging'")]
    public void Control_steps_take_no_setpoints(string type, string extra, string field, string message)
    {
        var (json, errors) = Load($$"""{ "type": "{{type}}", {{extra}} }""");
        DiagnosticAssert.Single(errors, $"$.steps[0].{field}", TextPosition.InSteps(json, extra[(extra.IndexOf(':', StringComparison.Ordinal) + 2)..]), message);
    }
}
