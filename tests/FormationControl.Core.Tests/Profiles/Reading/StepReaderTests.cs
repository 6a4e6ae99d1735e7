using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Reading;

public class StepReaderTests
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
        return Assert.Single(result.Profile.Steps);
    }

    [Theory]
    [InlineData("""{ "type": "rest", "limits": [ { "time": "1 h" } ] }""", StepType.Rest, null, null)]
    [InlineData("""{ "type": "chargeCc", "current": "C/10", "limits": [ { "voltage": ">= 4.1 V" } ] }""", StepType.ChargeCc, 10.0, null)]
    [InlineData("""{ "type": "dischargeCc", "current": "500 mA", "limits": [ { "voltage": "<= 3 V" } ] }""", StepType.DischargeCc, 0.5, null)]
    [InlineData("""{ "type": "chargeCccv", "current": "0.5C", "voltage": "4.2 V", "limits": [ { "current": "<= C/20" } ] }""", StepType.ChargeCccv, 50.0, 4.2)]
    [InlineData("""{ "type": "dischargeCccv", "current": "20 A", "voltage": "2.8 V", "limits": [ { "current": "<= 1 A" } ] }""", StepType.DischargeCccv, 20.0, 2.8)]
    [InlineData("""{ "type": "cv", "voltage": "3.9 V", "limits": [ { "time": "2 h" } ] }""", StepType.Cv, null, 3.9)]
    public void Every_step_type_loads_with_its_setpoints(string step, StepType type, double? currentA, double? voltageV)
    {
        var loaded = LoadOne(step);
        Assert.Equal((type, currentA, voltageV), (loaded.Type, loaded.CurrentA, loaded.VoltageV));
    }

    [Fact]
    public void Unknown_type_close_to_a_known_one_gets_a_suggestion()
    {
        var (json, errors) = Load("""{ "type": "chargeCC", "current": "C/10", "limits": [ { "time": "1 h" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].type", TextPosition.Of(json, "\"chargeCC\""), "unknown step type 'chargeCC'; did you mean 'chargeCc'?");
    }

    [Fact]
    public void Unknown_type_far_from_any_lists_the_types()
    {
        var (json, errors) = Load("""{ "type": "drive", "limits": [ { "time": "1 h" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].type", TextPosition.Of(json, "\"drive\""),
            "unknown step type 'drive'; expected one of: rest, chargeCc, dischargeCc, chargeCccv, dischargeCccv, cv, chargeCp, dischargeCp, dischargeCr, pulse, ocv, loop, label, end");
    }

    [Fact]
    public void Missing_type_is_reported_at_the_step()
    {
        var (json, errors) = Load("""{ "limits": [ { "time": "1 h" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0]", TextPosition.Of(json, "{ \"limits\""), "a step needs a 'type' field (rest, chargeCc, dischargeCc, chargeCccv, dischargeCccv, cv, chargeCp, dischargeCp, dischargeCr, pulse, ocv, loop, label, end), or a 'step' string such as \"Rest for 1 hour\"");
    }

    [Fact]
    public void Misspelt_field_gets_a_suggestion()
    {
        var (json, errors) = Load("""{ "type": "chargeCc", "currnet": "C/10", "limits": [ { "time": "1 h" } ] }""");
        Assert.Equal(2, errors.Count);
        DiagnosticAssert.Matches(errors[0], "$.steps[0]", TextPosition.Of(json, "{ \"type\""), "a step needs a 'current' field (a chargeCc step runs at a set current, e.g. \"C/10\" or \"10 A\")");
        DiagnosticAssert.Matches(errors[1], "$.steps[0].currnet", TextPosition.Of(json, "\"currnet\""), "unknown field 'currnet' in a step; did you mean 'current'?");
    }

    [Theory]
    [InlineData("chargeCc", "current")]
    [InlineData("dischargeCc", "current")]
    [InlineData("chargeCccv", "current")]
    [InlineData("chargeCccv", "voltage")]
    [InlineData("dischargeCccv", "voltage")]
    [InlineData("cv", "voltage")]
    public void Required_setpoint_missing_is_reported(string type, string missing)
    {
        string current = missing == "current" || type == "cv" ? string.Empty : "\"current\": \"C/10\", ";
        string voltage = missing == "voltage" || type is "chargeCc" or "dischargeCc" ? string.Empty : "\"voltage\": \"3.7 V\", ";
        var (json, errors) = Load($$"""{ "type": "{{type}}", {{current}}{{voltage}}"limits": [ { "time": "1 h" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0]", TextPosition.Of(json, "{ \"type\""), $"a step needs a '{missing}' field (");
    }

    [Theory]
    [InlineData("""{ "type": "rest", "current": "1 A", "limits": [ { "time": "1 h" } ] }""", "current", "\"1 A\"", "a rest step takes no current")]
    [InlineData("""{ "type": "rest", "voltage": "3 V", "limits": [ { "time": "1 h" } ] }""", "voltage", "\"3 V\"", "a rest step takes no voltage")]
    [InlineData("""{ "type": "cv", "voltage": "4 V", "current": "1 A", "limits": [ { "time": "1 h" } ] }""", "current", "\"1 A\"", "a cv step holds a voltage and takes no current setpoint")]
    [InlineData("""{ "type": "chargeCc", "current": "1 A", "voltage": "4.2 V", "limits": [ { "time": "1 h" } ] }""", "voltage", "\"4.2 V\"", "a chargeCc step has no voltage setpoint; stop at a voltage with a limit such as { \"voltage\": \">= 4.2 V\" }, or use chargeCccv to hold it")]
    [InlineData("""{ "type": "dischargeCc", "current": "1 A", "voltage": "3 V", "limits": [ { "time": "1 h" } ] }""", "voltage", "\"3 V\"", "use dischargeCccv")]
    public void Setpoint_the_type_does_not_use_is_reported(string step, string field, string value, string message)
    {
        var (json, errors) = Load(step);
        DiagnosticAssert.Single(errors, $"$.steps[0].{field}", TextPosition.InSteps(json, value), message);
    }

    [Theory]
    [InlineData("""{ "type": "chargeCc", "current": "2C", "limits": [ { "time": "1 h" } ] }""", "\"2C\"", "200 A exceeds cell.maxChargeCurrent (100 A)")]
    [InlineData("""{ "type": "chargeCccv", "current": "60 A", "voltage": "4.2 V", "limits": [ { "time": "1 h" } ] }""", "\"60 A\"", "60 A reaches safety.maxCurrent (60 A): the channel would fault")]
    [InlineData("""{ "type": "dischargeCc", "current": "0.7C", "limits": [ { "time": "1 h" } ] }""", "\"0.7C\"", "70 A reaches safety.maxCurrent (60 A)")]
    [InlineData("""{ "type": "chargeCc", "current": "-10 A", "limits": [ { "time": "1 h" } ] }""", "\"-10 A\"", "the current is a magnitude and must be greater than zero; the step type gives the direction")]
    [InlineData("""{ "type": "chargeCc", "current": "10 V", "limits": [ { "time": "1 h" } ] }""", "\"10 V\"", "expected a current (e.g. \"10 A\") or a C-rate (e.g. \"C/10\"), but \"10 V\" is a voltage")]
    [InlineData("""{ "type": "chargeCc", "current": 10, "limits": [ { "time": "1 h" } ] }""", "10,", "a bare number has no unit; write a current or a C-rate as a string, e.g. \"10 A\"")]
    public void Current_is_checked_against_cell_and_safety(string step, string value, string message)
    {
        var (json, errors) = Load(step);
        DiagnosticAssert.Single(errors, "$.steps[0].current", TextPosition.InSteps(json, value), message);
    }

    [Fact]
    public void Discharge_current_is_checked_against_the_discharge_rating()
    {
        string json = ProfileJson.With(steps: """{ "type": "dischargeCc", "current": "30 A", "limits": [ { "time": "1 h" } ] }""")
            .Replace("\"maxDischargeCurrent\": \"1C\"", "\"maxDischargeCurrent\": \"C/5\"", StringComparison.Ordinal);
        DiagnosticAssert.Single(ProfileLoader.Parse(json, "p.json").Diagnostics, "$.steps[0].current", TextPosition.Of(json, "\"30 A\""), "30 A exceeds cell.maxDischargeCurrent (20 A)");
    }

    [Theory]
    [InlineData("chargeCccv", "4.3 V", "4.3 V is above cell.maxVoltage (4.2 V)")]
    [InlineData("dischargeCccv", "2.45 V", "2.45 V is below cell.minVoltage (2.5 V)")]
    [InlineData("cv", "0 V", "must be greater than zero")]
    [InlineData("cv", "4.2 A", "expected a voltage (e.g. \"4.2 V\"), but \"4.2 A\" is a current")]
    [InlineData("cv", "3.65", "\"3.65\" has no unit; write \"3.65 V\"")]
    public void Voltage_setpoint_is_checked_against_the_cell(string type, string voltage, string message)
    {
        string current = type == "cv" ? string.Empty : "\"current\": \"1 A\", ";
        var (json, errors) = Load($$"""{ "type": "{{type}}", {{current}}"voltage": "{{voltage}}", "limits": [ { "time": "1 h" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].voltage", TextPosition.Of(json, $"\"{voltage}\""), message);
    }

    [Fact]
    public void Voltage_setpoint_on_a_narrower_safety_limit_is_reported()
    {
        string json = ProfileJson.With(steps: """{ "type": "cv", "voltage": "4.15 V", "limits": [ { "time": "1 h" } ] }""")
            .Replace("\"maxVoltage\": \"4.25 V\"", "\"maxVoltage\": \"4.15 V\"", StringComparison.Ordinal);
        DiagnosticAssert.Single(ProfileLoader.Parse(json, "p.json").Diagnostics, "$.steps[0].voltage", TextPosition.Of(json, "\"4.15 V\"", 2),
            "4.15 V reaches safety.maxVoltage (4.15 V): the channel would fault");
    }

    [Fact]
    public void Step_without_limits_cannot_end()
    {
        var (json, errors) = Load("""{ "type": "chargeCc", "current": "C/10" }""");
        DiagnosticAssert.Single(errors, "$.steps[0]", TextPosition.Of(json, "{ \"type\""), "a step needs a 'limits' field (a chargeCc step ends on voltage (>=), dV/dt (>=), time, capacity, energy or temperature (>=))");
    }

    [Fact]
    public void Step_with_an_empty_limit_list_cannot_end()
    {
        var (json, errors) = Load("""{ "type": "dischargeCc", "current": "C/10", "limits": [] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].limits", TextPosition.Of(json, "[]"), "the step can never end: it needs at least one limit (a dischargeCc step ends on voltage (<=), dV/dt (>=), time, capacity, energy or temperature (>=))");
    }

    [Fact]
    public void Limits_must_be_an_array()
    {
        var (json, errors) = Load("""{ "type": "rest", "limits": { "time": "1 h" } }""");
        DiagnosticAssert.Single(errors, "$.steps[0].limits", TextPosition.Of(json, "{ \"time\""), "expected an array of limits, not an object");
    }

    [Fact]
    public void Step_must_be_an_object_or_a_step_string()
    {
        var (json, errors) = Load("    42");
        DiagnosticAssert.Single(errors, "$.steps[0]", TextPosition.Of(json, "42"), "a step must be an object, not a number");
    }

    [Fact]
    public void Problems_in_several_steps_are_all_reported_with_their_index()
    {
        var (json, errors) = Load("""
                { "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "type": "chargeCc", "current": "5 V", "limits": [ { "time": "1 h" } ] },
                { "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "type": "cv", "limits": [ { "time": "1 h" } ] }
            """);
        Assert.Equal(2, errors.Count);
        DiagnosticAssert.Matches(errors[0], "$.steps[1].current", TextPosition.Of(json, "\"5 V\""), "is a voltage");
        DiagnosticAssert.Matches(errors[1], "$.steps[3]", TextPosition.Of(json, "{ \"type\": \"cv\""), "a step needs a 'voltage' field");
    }
}
