using System.Text.RegularExpressions;
using FormationControl.Core.Quantities;
using FormationControl.Core.Text;

namespace FormationControl.Core.Profiles.Pybamm;

/// <summary>
/// Parses PyBaMM's experiment step grammar into the parts of the equivalent long form:
/// <c>Rest for &lt;duration&gt;</c>, <c>&lt;Charge|Discharge&gt; at &lt;value&gt; [for &lt;duration&gt;] [or until &lt;condition&gt;]...</c>,
/// <c>Hold at &lt;voltage&gt; ...</c>, each with an optional <c>(&lt;duration&gt; period)</c>. Keywords ignore case, units do not.
/// The value's unit picks the type: A, mA, C-rate → CC; W → CP; Ohm → CR (discharge only).
/// </summary>
internal sealed partial class PybammStepParser
{
    public static readonly string[] Instructions = ["Charge", "Discharge", "Hold", "Rest"];

    private readonly string _text;
    private readonly List<PybammWord> _words;
    private int _next;

    private PybammStepParser(string text)
    {
        _text = text;
        _words = PybammWord.Split(text);
    }

    /// <summary>The parts, or the first problem with the offset of the word it is about.</summary>
    public static bool TryParse(string text, out PybammStep? step, out string? error, out int errorOffset)
    {
        try
        {
            step = new PybammStepParser(text).Parse();
            (error, errorOffset) = (null, 0);
            return true;
        }
        catch (PybammSyntaxException e)
        {
            (step, error, errorOffset) = (null, e.Message, e.Offset);
            return false;
        }
    }

    private PybammStep Parse()
    {
        if (_words.Count == 0)
        {
            throw new PybammSyntaxException("an empty step string; write e.g. \"Rest for 1 hour\" or \"Discharge at 1C until 3.3 V\"", 0);
        }

        var first = Take();
        string? instruction = Instructions.FirstOrDefault(first.Is);
        if (instruction is null)
        {
            throw new PybammSyntaxException(UnknownInstruction(first), first.Offset);
        }

        var limits = new List<PybammPart>();
        PybammStep step;
        if (instruction == "Rest")
        {
            Expect("for", "'Rest' (as in \"Rest for 1 hour\")");
            limits.Add(Duration("time", "a duration after 'for'"));
            step = new PybammStep("rest", first.Offset, null, limits, null);
        }
        else
        {
            Expect("at", $"'{first.Text}' (as in \"{instruction} at {(instruction == "Hold" ? "4.2 V" : "1C")} ...\")");
            var (type, setpoint) = Setpoint(instruction);
            Terminations(instruction, limits);
            step = new PybammStep(type, first.Offset, setpoint, limits, null);
        }

        var period = Period();
        if (_next < _words.Count)
        {
            var extra = _words[_next];
            throw new PybammSyntaxException($"unexpected '{extra.Text}' after the end of the step", extra.Offset);
        }

        return step with { Period = period };
    }

    private static string UnknownInstruction(PybammWord word)
    {
        if (word.Is("run"))
        {
            return "drive cycles ('Run ...') are not supported; write the steps, or a pulse step, instead";
        }

        string hint = SpellingSuggestion.Closest(word.Text, Instructions) is { } s ? $"; did you mean '{s}'?" : string.Empty;
        return $"'{word.Text}' is not an instruction{hint} (a step string starts with Charge, Discharge, Hold or Rest)";
    }

    private (string Type, PybammPart Setpoint) Setpoint(string instruction)
    {
        var (quantity, text, offset) = Value("a value after 'at'", duration: false);
        bool charge = instruction == "Charge";
        string described = $"'{text}' is {quantity.Dimension.Describe()}";
        return (instruction, quantity.Dimension) switch
        {
            ("Hold", Dimension.Voltage) => ("cv", new PybammPart("voltage", text, offset)),
            ("Hold", _) => throw new PybammSyntaxException($"{described}; 'Hold at' takes a voltage, e.g. \"Hold at 4.2 V until C/50\"", offset),
            (_, Dimension.Current or Dimension.CRate) => (charge ? "chargeCc" : "dischargeCc", new PybammPart("current", text, offset)),
            (_, Dimension.Power) => (charge ? "chargeCp" : "dischargeCp", new PybammPart("power", text, offset)),
            ("Discharge", Dimension.Resistance) => ("dischargeCr", new PybammPart("resistance", text, offset)),
            (_, Dimension.Resistance) => throw new PybammSyntaxException($"{described}; constant resistance exists for discharging only (\"Discharge at {text} ...\")", offset),
            (_, Dimension.Voltage) => throw new PybammSyntaxException($"{described}; to hold a voltage write \"Hold at {text} until C/50\"", offset),
            _ => throw new PybammSyntaxException($"{described}; after 'at' give a current (A, mA, C-rate), a power (W) or a resistance (Ohm)", offset),
        };
    }

    // [for <duration>] [or until <condition>]... | until <condition> [or until <condition>]...
    private void Terminations(string instruction, List<PybammPart> limits)
    {
        string[] keywords = ["for", "until", "or"];
        while (_next < _words.Count && _words[_next].Text != "(")
        {
            var word = _words[_next];
            if (limits.Count == 0 && word.Is("for"))
            {
                _next++;
                limits.Add(Duration("time", "a duration after 'for'"));
            }
            else if (limits.Count == 0 && word.Is("until"))
            {
                _next++;
                limits.Add(Condition(instruction));
            }
            else if (limits.Count > 0 && word.Is("or"))
            {
                _next++;
                Expect("until", "'or'");
                limits.Add(Condition(instruction));
            }
            else
            {
                string expected = limits.Count == 0 ? "'for <duration>' or 'until <condition>'" : "'or until <condition>' or '(<duration> period)'";
                string hint = SpellingSuggestion.Closest(word.Text, keywords) is { } s && !word.Is(s) ? $"; did you mean '{s}'?" : string.Empty;
                throw new PybammSyntaxException($"unexpected '{word.Text}'{hint} (expected {expected})", word.Offset);
            }
        }

        if (limits.Count == 0)
        {
            throw new PybammSyntaxException("the step never ends: add 'for <duration>' and/or 'until <condition>'", _text.TrimEnd().Length);
        }
    }

    private PybammPart Condition(string instruction)
    {
        var (quantity, text, offset) = Value("a condition after 'until'", duration: false);
        return (instruction, quantity.Dimension) switch
        {
            ("Hold", Dimension.Voltage) => throw new PybammSyntaxException(
                $"a Hold step keeps the voltage at its setpoint, so it cannot end on '{text}'; end it on a current, e.g. \"until C/50\"", offset),
            (_, Dimension.Voltage) => new PybammPart("voltage", (instruction == "Charge" ? ">= " : "<= ") + text, offset),
            (_, Dimension.Current or Dimension.CRate) => new PybammPart("current", "<= " + text, offset),
            (_, Dimension.Capacity) => new PybammPart("capacity", text, offset),
            (_, Dimension.Energy) => new PybammPart("energy", text, offset),
            (_, Dimension.Temperature) => new PybammPart("temperature", ">= " + text, offset),
            _ => throw new PybammSyntaxException(
                $"cannot stop on {quantity.Dimension.Describe()} ('{text}'); a step string stops on a voltage, a current, a capacity (Ah), an energy (Wh) or a temperature", offset),
        };
    }

    // "(1 minute period)"
    private PybammPart? Period()
    {
        if (_next >= _words.Count || _words[_next].Text != "(")
        {
            return null;
        }

        _next++;
        var period = Duration("interval", "a duration after '('");
        Expect("period", "the duration (as in \"(1 minute period)\")");
        Expect(")", "'period'");
        return period;
    }

    private PybammPart Duration(string field, string what)
    {
        var (quantity, text, offset) = Value(what, duration: true);
        if (quantity.Dimension != Dimension.Time)
        {
            throw new PybammSyntaxException($"expected {what}, but '{text}' is {quantity.Dimension.Describe()}", offset);
        }

        return new PybammPart(field, text, offset);
    }

    // A quantity written as one word ("4.2V", "C/20") or as a number and a unit ("4.2 V", "2 hours").
    private (Quantity Quantity, string Text, int Offset) Value(string what, bool duration)
    {
        if (_next >= _words.Count || _words[_next].Text is "(" or ")")
        {
            int at = _next < _words.Count ? _words[_next].Offset : _text.TrimEnd().Length;
            throw new PybammSyntaxException($"expected {what}", at);
        }

        var word = _words[_next];
        string single = duration ? MinuteAsM().Replace(word.Text, "${n}min") : word.Text;
        if (Quantity.TryParse(single, out var quantity, out string? error))
        {
            _next++;
            return (quantity, single, word.Offset);
        }

        bool bareNumber = double.TryParse(word.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        if (bareNumber && _next + 1 < _words.Count && _words[_next + 1].Text is not ("(" or ")"))
        {
            var unit = _words[_next + 1];
            string symbol = duration && unit.Text == "m" ? "min" : unit.Text;
            string text = $"{word.Text} {symbol}";
            if (Quantity.TryParse(text, out quantity, out error))
            {
                _next += 2;
                return (quantity, text, word.Offset);
            }

            throw new PybammSyntaxException(error!, unit.Offset);
        }

        throw new PybammSyntaxException(bareNumber ? $"'{word.Text}' needs a unit ({what})" : $"expected {what}, found '{word.Text}': {error}", word.Offset);
    }

    private void Expect(string keyword, string after)
    {
        if (_next >= _words.Count)
        {
            throw new PybammSyntaxException($"expected '{keyword}' after {after}", _text.TrimEnd().Length);
        }

        var word = _words[_next];
        if (!word.Is(keyword))
        {
            string hint = SpellingSuggestion.Distance(word.Text, keyword) <= Math.Max(1, keyword.Length / 3) ? "; a typo?" : string.Empty;
            throw new PybammSyntaxException($"expected '{keyword}' after {after}, found '{word.Text}'{hint}", word.Offset);
        }

        _next++;
    }

    private PybammWord Take() => _words[_next++];

    // PyBaMM writes minutes as "m" too: "10m".
    [GeneratedRegex(@"^(?<n>[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)m$")]
    private static partial Regex MinuteAsM();
}
