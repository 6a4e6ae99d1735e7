using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Profiles.Pybamm;

/// <summary>A step written in PyBaMM's grammar is exactly its long form: same model, same hash; problems point at the word.</summary>
public class PybammStepTranslatorTests
{
    private static Profile Load(string steps)
    {
        var result = ProfileLoader.Parse(ProfileJson.With(steps: steps), "p.json");
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Profile;
    }

    private static (string Json, IReadOnlyList<ProfileDiagnostic> Errors) Errors(string steps)
    {
        string json = ProfileJson.With(steps: steps);
        return (json, ProfileLoader.Parse(json, "p.json").Diagnostics);
    }

    [Theory]
    [InlineData("Discharge at 0.5C until 3.3 V", """{ "type": "dischargeCc", "current": "0.5C", "limits": [ { "voltage": "<= 3.3 V" } ] }""")]
    [InlineData("Charge at 0.3 A for 2 hours or until 4.1 V", """{ "type": "chargeCc", "current": "0.3 A", "limits": [ { "time": "2 h" }, { "voltage": ">= 4.1 V" } ] }""")]
    [InlineData("Hold at 4.2 V until C/50", """{ "type": "cv", "voltage": "4.2 V", "limits": [ { "current": "<= C/50" } ] }""")]
    [InlineData("Hold at 4.2 V until 50 mA", """{ "type": "cv", "voltage": "4.2 V", "limits": [ { "current": "<= 0.05 A" } ] }""")]
    [InlineData("Rest for 1 hour", """{ "type": "rest", "limits": [ { "time": "3600 s" } ] }""")]
    [InlineData("Charge at C/20 until 4.2V (1 minute period)", """{ "type": "chargeCc", "current": "C/20", "limits": [ { "voltage": ">= 4.2 V" } ], "logging": { "interval": "60 s" } }""")]
    [InlineData("Discharge at 20 W until 3.0 V", """{ "type": "dischargeCp", "power": "20 W", "limits": [ { "voltage": "<= 3.0 V" } ] }""")]
    [InlineData("Charge at 500mW for 10 m", """{ "type": "chargeCp", "power": "0.5 W", "limits": [ { "time": "10 min" } ] }""")]
    [InlineData("Discharge at 2 Ohm until 3 V", """{ "type": "dischargeCr", "resistance": "2 Ohm", "limits": [ { "voltage": "<= 3 V" } ] }""")]
    [InlineData("Discharge at 100 mOhm for 90 seconds", """{ "type": "dischargeCr", "resistance": "0.1 Ohm", "limits": [ { "time": "1.5 min" } ] }""")]
    [InlineData("discharge AT 500 mA FOR 30 sec OR UNTIL 3000 mV", """{ "type": "dischargeCc", "current": "0.5 A", "limits": [ { "time": "30 s" }, { "voltage": "<= 3 V" } ] }""")]
    [InlineData("Discharge at C/2 until 3.3 V or until 10 Ah or until 40 Wh", """{ "type": "dischargeCc", "current": "50 A", "limits": [ { "voltage": "<= 3.3 V" }, { "capacity": "10 Ah" }, { "energy": "40 Wh" } ] }""")]
    [InlineData("Charge at 1 A until 45 degC", """{ "type": "chargeCc", "current": "1 A", "limits": [ { "temperature": ">= 45 degC" } ] }""")]
    [InlineData("Rest for 5 min (10 s period)", """{ "type": "rest", "limits": [ { "time": "300 s" } ], "logging": { "interval": "10 sec" } }""")]
    [InlineData("Rest for 2 hrs", """{ "type": "rest", "limits": [ { "time": "2 h" } ] }""")]
    public void String_and_long_form_give_the_same_step_and_hash(string text, string longForm)
    {
        var fromString = Load($"    \"{text}\"");
        var fromLong = Load("    " + longForm);
        Assert.Equal(fromLong.Hash, fromString.Hash);
        var (s, l) = (fromString.Steps[0], fromLong.Steps[0]);
        Assert.Equal((l.Type, l.CurrentA, l.VoltageV, l.PowerW, l.ResistanceOhm, l.Logging), (s.Type, s.CurrentA, s.VoltageV, s.PowerW, s.ResistanceOhm, s.Logging));
        Assert.Equal(l.Limits, s.Limits);
    }

    [Fact]
    public void Object_form_adds_label_description_and_more_limits_after_the_strings()
    {
        var fromObject = Load("""    { "label": "cap", "description": "graded", "step": "Discharge at C/5 until 3.0 V", "limits": [ { "time": "7 h", "then": "fault" } ] }""");
        var fromLong = Load("""    { "label": "cap", "type": "dischargeCc", "current": "C/5", "limits": [ { "voltage": "<= 3.0 V" }, { "time": "7 h", "then": "fault" } ] }""");
        Assert.Equal(fromLong.Hash, fromObject.Hash);
        Assert.Equal("cap", fromObject.Steps[0].Label);
    }

    [Fact]
    public void A_string_step_remembers_where_it_is()
    {
        string json = ProfileJson.With(steps: "    \"Rest for 1 hour\"");
        var step = ProfileLoader.Parse(json, "p.json").Profile!.Steps[0];
        Assert.Equal(TextPosition.Of(json, "\"Rest for"), (step.Location!.Value.Line, step.Location.Value.Column));
    }

    [Theory]
    [InlineData("Dischrge at 1C until 3.3 V", "Dischrge", "'Dischrge' is not an instruction; did you mean 'Discharge'? (a step string starts with Charge, Discharge, Hold or Rest)")]
    [InlineData("Walk at 1C until 3.3 V", "Walk", "'Walk' is not an instruction (a step string starts with")]
    [InlineData("Run US06 (A)", "Run", "drive cycles ('Run ...') are not supported")]
    [InlineData("Discharge by 1C until 3.3 V", "by", "expected 'at' after 'Discharge' (as in \"Discharge at 1C ...\"), found 'by'")]
    [InlineData("Discharge at 1C untill 3.3 V", "untill", "unexpected 'untill'; did you mean 'until'? (expected 'for <duration>' or 'until <condition>')")]
    [InlineData("Discharge at 1C for 1 hour until 3 V", "until 3 V", "unexpected 'until' (expected 'or until <condition>' or '(<duration> period)')")]
    [InlineData("Discharge at 1 Amp until 3.3 V", "Amp", "unknown unit 'Amp' in \"1 Amp\"")]
    [InlineData("Discharge at 1C until 3.3 Vx", "Vx", "unknown unit 'Vx' in \"3.3 Vx\"; did you mean 'V'?")]
    [InlineData("Discharge at 4.2 V until 3.3 V", "4.2 V", "'4.2 V' is a voltage; to hold a voltage write \"Hold at 4.2 V until C/50\"")]
    [InlineData("Charge at 2 Ohm until 4 V", "2 Ohm", "constant resistance exists for discharging only")]
    [InlineData("Hold at 1 A until C/50", "1 A", "'1 A' is a current; 'Hold at' takes a voltage")]
    [InlineData("Hold at 4.2 V until 4.1 V", "4.1 V", "a Hold step keeps the voltage at its setpoint, so it cannot end on '4.1 V'")]
    [InlineData("Discharge at 1C until 10 min", "10 min", "cannot stop on a duration ('10 min'); a step string stops on a voltage, a current")]
    [InlineData("Rest for 1 hour (1 minute)", ")", "expected 'period' after the duration (as in \"(1 minute period)\"), found ')'")]
    [InlineData("Rest for 1 hour extra", "extra", "unexpected 'extra' after the end of the step")]
    [InlineData("Rest for 3.3 V", "3.3 V", "expected a duration after 'for', but '3.3 V' is a voltage")]
    [InlineData("Rest until 3.3 V", "until", "expected 'for' after 'Rest' (as in \"Rest for 1 hour\"), found 'until'")]
    [InlineData("Rest for 10", "10", "'10' needs a unit (a duration after 'for')")]
    public void Problem_points_at_the_word_and_names_it(string text, string word, string message)
    {
        var (json, errors) = Errors($"    \"{text}\"");
        var diagnostic = Assert.Single(errors);
        Assert.Equal("$.steps[0]", diagnostic.JsonPath);
        var stringStart = TextPosition.Of(json, $"\"{text}\"");
        Assert.Equal((stringStart.Line, stringStart.Column + 1 + text.IndexOf(word, StringComparison.Ordinal)), (diagnostic.Line, diagnostic.Column));
        Assert.Contains(message, diagnostic.Message, StringComparison.Ordinal);
        Assert.StartsWith($"step string \"{text}\": ", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_string_that_never_ends_is_reported_at_its_end()
    {
        var (json, errors) = Errors("    \"Charge at 1 A\"");
        var at = TextPosition.Of(json, "\"Charge at 1 A\"");
        DiagnosticAssert.Single(errors, "$.steps[0]", (at.Line, at.Column + 1 + "Charge at 1 A".Length), "the step never ends: add 'for <duration>' and/or 'until <condition>'");
    }

    [Fact]
    public void An_empty_step_string_is_reported()
    {
        var (_, errors) = Errors("    \"  \"");
        Assert.Contains("an empty step string", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Charge at 2C until 4.1 V", "2C", "200 A exceeds cell.maxChargeCurrent (100 A)")]
    [InlineData("Charge at 1 A until 4.3 V", "4.3 V", "the cell would have to exceed cell.maxVoltage (4.2 V) to reach >= 4.3 V")]
    [InlineData("Charge at 1 A until 2 A", "2 A", "the current is constant in a chargeCc step")]
    [InlineData("Rest for 25 h", "25 h", "safety.maxStepDuration (24 h) would fault the channel")]
    public void Model_checks_of_the_long_form_point_into_the_string(string text, string word, string message)
    {
        var (json, errors) = Errors($"    \"{text}\"");
        var stringStart = TextPosition.Of(json, $"\"{text}\"");
        DiagnosticAssert.Single(errors, "$.steps[0]", (stringStart.Line, stringStart.Column + 1 + text.IndexOf(word, StringComparison.Ordinal)), message);
    }

    [Fact]
    public void An_escaped_string_points_at_its_start()
    {
        var (json, errors) = Errors("    \"\\u0044ischrge at 1C until 3 V\"");
        DiagnosticAssert.Single(errors, "$.steps[0]", TextPosition.Of(json, "\"\\u0044"), "'Dischrge' is not an instruction");
    }

    [Theory]
    [InlineData("""{ "step": "Rest for 1 h", "type": "rest" }""", "$.steps[0].type", "\"rest\"", "'type' is given by the 'step' string; remove one of them")]
    [InlineData("""{ "step": "Rest for 1 h (1 s period)", "logging": { "interval": "5 s" } }""", "$.steps[0].logging", "{ \"interval\"", "the step string sets a logging period already")]
    [InlineData("""{ "step": 3 }""", "$.steps[0].step", "3 }", "expected a step string such as \"Rest for 1 hour\", not a number")]
    [InlineData("""{ "step": "Rest for 1 h", "limits": [ { "voltage": "<= 5 A" } ] }""", "$.steps[0].limits[0].voltage", "\"<= 5 A\"", "but \"5 A\" is a current")]
    public void Object_form_problems_are_reported(string step, string path, string needle, string message)
    {
        var (json, errors) = Errors("    " + step);
        DiagnosticAssert.Single(errors, path, TextPosition.InSteps(json, needle), message);
    }
}
