using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Reading;

public class StepLimitReaderTests
{
    private static (string Json, IReadOnlyList<ProfileDiagnostic> Errors) Load(string steps)
    {
        string json = ProfileJson.With(steps: steps);
        return (json, ProfileLoader.Parse(json, "p.json").Diagnostics);
    }

    private static IReadOnlyList<StepLimit> LimitsOf(string step)
    {
        var result = ProfileLoader.Parse(ProfileJson.With(steps: step), "p.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Profile.Steps[0].Limits;
    }

    [Fact]
    public void Each_condition_resolves_to_its_kind_and_unit()
    {
        var limits = LimitsOf("""
                { "type": "chargeCccv", "current": "C/10", "voltage": "4.2 V", "limits": [
                    { "current": "<= C/50" },
                    { "time": "90 min", "then": "fault" },
                    { "capacity": "50 %", "then": "end" },
                    { "capacity": "2500 mAh" },
                    { "energy": "1.5 kWh" } ] }
            """);
        Assert.Equal(
            [
                new StepLimit(LimitKind.CurrentAtMost, 2, LimitAction.Next, null),
                new StepLimit(LimitKind.Duration, 5400, LimitAction.Fault, null),
                new StepLimit(LimitKind.StepCapacityAh, 50, LimitAction.End, null),
                new StepLimit(LimitKind.StepCapacityAh, 2.5, LimitAction.Next, null),
                new StepLimit(LimitKind.StepEnergyWh, 1500, LimitAction.Next, null),
            ],
            limits);
    }

    [Fact]
    public void Voltage_limits_read_their_direction()
    {
        var limits = LimitsOf("""{ "type": "rest", "limits": [ { "voltage": ">= 3.3 V" }, { "voltage": "<= 3300 mV" } ] }""");
        Assert.Equal([LimitKind.VoltageAtLeast, LimitKind.VoltageAtMost], limits.Select(l => l.Kind));
        Assert.All(limits, l => Assert.Equal(3.3, l.Value));
    }

    [Theory]
    [InlineData("""{ "type": "chargeCc", "current": "1 A", "limits": [ { "voltage": "<= 3 V" } ] }""", "voltage", "\"<= 3 V\"",
        "the voltage rises during a chargeCc step, so a '<=' voltage limit would end it at once; use '>='; a chargeCc step ends on voltage (>=), dV/dt (>=), time, capacity, energy or temperature (>=)")]
    [InlineData("""{ "type": "dischargeCc", "current": "1 A", "limits": [ { "voltage": ">= 4 V" } ] }""", "voltage", "\">= 4 V\"",
        "the voltage falls during a dischargeCc step, so a '>=' voltage limit would end it at once; use '<='")]
    [InlineData("""{ "type": "chargeCc", "current": "10 A", "limits": [ { "current": "<= 2 A" } ] }""", "current", "\"<= 2 A\"",
        "the current is constant in a chargeCc step, so a current limit would end it at once or never; a chargeCc step ends on voltage (>=), dV/dt (>=), time, capacity, energy or temperature (>=)")]
    [InlineData("""{ "type": "chargeCccv", "current": "10 A", "voltage": "4.2 V", "limits": [ { "voltage": ">= 4.2 V" } ] }""", "voltage", "\">= 4.2 V\"",
        "the voltage is held at the setpoint in a chargeCccv step, so a voltage or dV/dt limit cannot end it; a chargeCccv step ends on current (<=), time, capacity, energy or temperature (>=)")]
    [InlineData("""{ "type": "rest", "limits": [ { "capacity": "1 Ah" } ] }""", "capacity", "\"1 Ah\"",
        "no current flows in a rest step, so this limit would end it at once or never; a rest step ends on time, voltage, dV/dt (<=) or temperature")]
    [InlineData("""{ "type": "rest", "limits": [ { "current": "<= 1 A" } ] }""", "current", "\"<= 1 A\"", "no current flows in a rest step")]
    public void Limit_that_cannot_end_the_step_type_is_reported(string step, string condition, string value, string message)
    {
        var (json, errors) = Load(step);
        DiagnosticAssert.Single(errors, $"$.steps[0].limits[0].{condition}", TextPosition.Of(json, value), message);
    }

    [Theory]
    [InlineData("""{ "type": "chargeCc", "current": "1 A", "limits": [ { "voltage": ">= 4.3 V" } ] }""", "\">= 4.3 V\"", "the cell would have to exceed cell.maxVoltage (4.2 V) to reach >= 4.3 V")]
    [InlineData("""{ "type": "dischargeCc", "current": "1 A", "limits": [ { "voltage": "<= 2.45 V" } ] }""", "\"<= 2.45 V\"", "the cell would have to go below cell.minVoltage (2.5 V) to reach <= 2.45 V")]
    [InlineData("""{ "type": "chargeCc", "current": "1 A", "limits": [ { "voltage": "3.6 V" } ] }""", "\"3.6 V\"", "\"3.6 V\" needs a direction: write \">= 3.6 V\" or \"<= 3.6 V\"")]
    [InlineData("""{ "type": "chargeCc", "current": "1 A", "limits": [ { "voltage": ">= 3.6 A" } ] }""", "\">= 3.6 A\"", "expected a voltage (e.g. \"4.2 V\"), but \"3.6 A\" is a current")]
    [InlineData("""{ "type": "chargeCc", "current": "1 A", "limits": [ { "voltage": 3.6 } ] }""", "3.6 }", "expected a bound written as a string, e.g. \">= 4.2 V\", not a number")]
    public void Voltage_limit_values_are_checked(string step, string value, string message)
    {
        var (json, errors) = Load(step);
        DiagnosticAssert.Single(errors, "$.steps[0].limits[0].voltage", TextPosition.Of(json, value), message);
    }

    [Fact]
    public void Voltage_limit_beyond_a_tight_safety_limit_is_reported()
    {
        string json = ProfileJson.With(steps: """{ "type": "chargeCc", "current": "1 A", "limits": [ { "voltage": ">= 4.2 V" } ] }""")
            .Replace("\"maxVoltage\": \"4.25 V\"", "\"maxVoltage\": \"4.2 V\"", StringComparison.Ordinal);
        DiagnosticAssert.Single(ProfileLoader.Parse(json, "p.json").Diagnostics, "$.steps[0].limits[0].voltage", TextPosition.Of(json, "\">= 4.2 V\""),
            "safety.maxVoltage (4.2 V) would fault the channel before >= 4.2 V is reached");
    }

    [Theory]
    [InlineData("""{ "type": "chargeCccv", "current": "C/10", "voltage": "4.2 V", "limits": [ { "current": ">= 1 A" } ] }""", "\">= 1 A\"", "only '<=' current limits exist")]
    [InlineData("""{ "type": "chargeCccv", "current": "C/10", "voltage": "4.2 V", "limits": [ { "current": "<= 10 A" } ] }""", "\"<= 10 A\"", "the taper current must be below the step's current (10 A)")]
    [InlineData("""{ "type": "dischargeCccv", "current": "C/10", "voltage": "3 V", "limits": [ { "current": "<= 0.2C" } ] }""", "\"<= 0.2C\"", "the taper current must be below the step's current (10 A)")]
    [InlineData("""{ "type": "cv", "voltage": "4 V", "limits": [ { "current": "<= 0 A" } ] }""", "\"<= 0 A\"", "must be greater than zero")]
    [InlineData("""{ "type": "cv", "voltage": "4 V", "limits": [ { "current": "<= 4 V" } ] }""", "\"<= 4 V\"", "expected a current (e.g. \"10 A\") or a C-rate (e.g. \"C/10\"), but \"4 V\" is a voltage")]
    public void Current_limit_values_are_checked(string step, string value, string message)
    {
        var (json, errors) = Load(step);
        DiagnosticAssert.Single(errors, "$.steps[0].limits[0].current", TextPosition.Of(json, value), message);
    }

    [Theory]
    [InlineData("time", "\"25 h\"", "safety.maxStepDuration (24 h) would fault the channel before this time is reached")]
    [InlineData("time", "\"0 s\"", "must be greater than zero")]
    [InlineData("time", "\"3 V\"", "expected a duration (e.g. \"30 min\"), but \"3 V\" is a voltage")]
    [InlineData("time", "\">= 3 h\"", "does not start with a number")]
    [InlineData("energy", "\"-1 Wh\"", "must be greater than zero")]
    [InlineData("energy", "\"1 Ah\"", "expected an energy (e.g. \"1.5 Wh\"), but \"1 Ah\" is a capacity")]
    [InlineData("capacity", "\"5 Wh\"", "expected a capacity (e.g. \"100 Ah\") or a percentage (e.g. \"50 %\"), but \"5 Wh\" is an energy")]
    [InlineData("capacity", "\"0 %\"", "must be greater than zero")]
    public void Amount_limit_values_are_checked(string condition, string value, string message)
    {
        var (json, errors) = Load($$"""{ "type": "chargeCc", "current": "1 A", "limits": [ { "{{condition}}": {{value}} } ] }""");
        DiagnosticAssert.Single(errors, $"$.steps[0].limits[0].{condition}", TextPosition.Of(json, value), message);
    }

    [Fact]
    public void A_limit_has_exactly_one_condition()
    {
        var (json, errors) = Load("""{ "type": "chargeCc", "current": "1 A", "limits": [ { "voltage": ">= 4 V", "time": "1 h" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].limits[0].time", TextPosition.Of(json, "\"1 h\""), "a limit has one condition and 'voltage' is given already; write a separate limit");
    }

    [Fact]
    public void A_limit_without_condition_is_reported()
    {
        var (json, errors) = Load("""{ "type": "rest", "limits": [ { "then": "fault" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].limits[0]", TextPosition.Of(json, "{ \"then\""), "a limit needs one condition: voltage, current, time, capacity, energy");
    }

    [Fact]
    public void A_limit_must_be_an_object()
    {
        var (json, errors) = Load("""{ "type": "rest", "limits": [ "1 h" ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].limits[0]", TextPosition.Of(json, "\"1 h\""), "a limit must be an object, not a string");
    }

    [Theory]
    [InlineData("\"fualt\"", "unknown action 'fualt'; did you mean 'fault'? (expected next, end or fault; or a \"goto\" field)")]
    [InlineData("\"stop\"", "unknown action 'stop' (expected next, end or fault; or a \"goto\" field)")]
    [InlineData("\"goto\"", "to jump, write \"goto\": \"<label>\" instead of \"then\"")]
    [InlineData("true", "expected a string, not a boolean")]
    public void Unknown_action_is_reported(string then, string message)
    {
        var (json, errors) = Load($$"""{ "type": "rest", "limits": [ { "time": "1 h", "then": {{then}} } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].limits[0].then", TextPosition.Of(json, then + " }"), message);
    }

    [Fact]
    public void Goto_targets_any_label_including_later_ones()
    {
        var result = ProfileLoader.Parse(ProfileJson.With(steps: """
                { "label": "first", "type": "rest", "limits": [ { "time": "1 h", "goto": "last" } ] },
                { "label": "last", "type": "rest", "limits": [ { "voltage": "<= 3 V", "goto": "first" }, { "time": "1 h" } ] }
            """), "p.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(new StepLimit(LimitKind.Duration, 3600, LimitAction.Goto, "last"), result.Profile.Steps[0].Limits[0]);
        Assert.Equal(new StepLimit(LimitKind.VoltageAtMost, 3, LimitAction.Goto, "first"), result.Profile.Steps[1].Limits[0]);
    }

    [Fact]
    public void Goto_to_an_unknown_label_gets_a_suggestion()
    {
        var (json, errors) = Load("""
                { "label": "charge-1", "type": "rest", "limits": [ { "time": "1 h" } ] },
                { "type": "rest", "limits": [ { "time": "1 h", "goto": "chrage-1" } ] }
            """);
        DiagnosticAssert.Single(errors, "$.steps[1].limits[0].goto", TextPosition.Of(json, "\"chrage-1\""), "no step is labelled 'chrage-1'; did you mean 'charge-1'?");
    }

    [Fact]
    public void Then_and_goto_together_are_reported()
    {
        var (json, errors) = Load("""{ "label": "a", "type": "rest", "limits": [ { "time": "1 h", "then": "end", "goto": "a" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].limits[0].goto", TextPosition.Of(json, "\"a\" }"), "give either 'then' or 'goto', not both");
    }

    [Fact]
    public void Dvdt_and_temperature_limits_resolve_to_volts_per_second_and_degrees()
    {
        var rest = LimitsOf("""{ "type": "rest", "limits": [ { "dvdt": "<= 1 mV/min" }, { "temperature": "<= 30 degC" }, { "temperature": ">= 45 °C", "then": "fault" } ] }""");
        Assert.Equal(
            [
                new StepLimit(LimitKind.VoltageRateAtMost, 0.001 / 60, LimitAction.Next, null),
                new StepLimit(LimitKind.TemperatureAtMost, 30, LimitAction.Next, null),
                new StepLimit(LimitKind.TemperatureAtLeast, 45, LimitAction.Fault, null),
            ],
            rest);
        var charge = LimitsOf("""{ "type": "chargeCc", "current": "1 A", "limits": [ { "dvdt": ">= 5 mV/s" } ] }""");
        Assert.Equal(new StepLimit(LimitKind.VoltageRateAtLeast, 0.005, LimitAction.Next, null), charge[0]);
    }

    [Theory]
    [InlineData("""{ "type": "rest", "limits": [ { "dvdt": ">= 1 mV/min" } ] }""", "dvdt", "\">= 1 mV/min\"", "the voltage only settles in a rest step, so a '>=' dV/dt limit would end it at once or never; use '<='")]
    [InlineData("""{ "type": "chargeCc", "current": "1 A", "limits": [ { "dvdt": "<= 1 mV/min" } ] }""", "dvdt", "\"<= 1 mV/min\"", "the voltage moves slowly on the plateau of a chargeCc step, so a '<=' dV/dt limit would end it early; use '>=' to catch the knee")]
    [InlineData("""{ "type": "cv", "voltage": "4 V", "limits": [ { "dvdt": ">= 1 mV/s" } ] }""", "dvdt", "\">= 1 mV/s\"", "the voltage is held at the setpoint in a cv step, so a voltage or dV/dt limit cannot end it")]
    [InlineData("""{ "type": "dischargeCc", "current": "1 A", "limits": [ { "temperature": "<= 30 degC" } ] }""", "temperature", "\"<= 30 degC\"", "the cell warms while current flows in a dischargeCc step, so a '<=' temperature limit would end it at once or never; use '>='")]
    [InlineData("""{ "type": "chargeCc", "current": "1 A", "limits": [ { "temperature": ">= 61 degC" } ] }""", "temperature", "\">= 61 degC\"", "the cell would have to exceed cell.maxTemperature (60 degC) to reach >= 61 degC")]
    [InlineData("""{ "type": "rest", "limits": [ { "temperature": ">= 30 V" } ] }""", "temperature", "\">= 30 V\"", "expected a temperature (e.g. \"45 degC\"), but \"30 V\" is a voltage")]
    [InlineData("""{ "type": "rest", "limits": [ { "dvdt": "<= 0 mV/min" } ] }""", "dvdt", "\"<= 0 mV/min\"", "must be greater than zero")]
    [InlineData("""{ "type": "dischargeCp", "power": "5 W", "limits": [ { "current": "<= 1 A" } ] }""", "current", "\"<= 1 A\"", "the power is held in a dischargeCp step and the current follows from it")]
    public void Dvdt_and_temperature_limit_problems_are_reported(string step, string condition, string value, string message)
    {
        var (json, errors) = Load(step);
        DiagnosticAssert.Single(errors, $"$.steps[0].limits[0].{condition}", TextPosition.Of(json, value), message);
    }

    [Fact]
    public void A_misspelt_condition_is_one_problem_with_a_suggestion()
    {
        var (json, errors) = Load("""{ "type": "rest", "limits": [ { "tme": "30 min" } ] }""");
        DiagnosticAssert.Single(errors, "$.steps[0].limits[0].tme", TextPosition.Of(json, "\"tme\""), "unknown field 'tme' in a limit; did you mean 'time'?");
    }

    [Fact]
    public void A_c_rate_bound_without_a_nominal_capacity_is_quoted_as_written()
    {
        string json = ProfileJson.With(steps: """{ "type": "cv", "voltage": "4 V", "limits": [ { "current": "<= C/50" } ] }""")
            .Replace("    \"nominalCapacity\": \"100 Ah\",\n", string.Empty, StringComparison.Ordinal)
            .Replace("\"1C\"", "\"100 A\"", StringComparison.Ordinal);
        var errors = ProfileLoader.Parse(json, "p.json").Diagnostics;
        DiagnosticAssert.Contains(errors, "$.steps[0].limits[0].current", TextPosition.Of(json, "\"<= C/50\""), "C/50 is a C-rate, but no nominal capacity is known");
    }
}
