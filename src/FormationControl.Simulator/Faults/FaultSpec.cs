using System.Globalization;
using FormationControl.Devices.Cycler;

namespace FormationControl.Simulator.Faults;

/// <summary>
/// The text form of a fault plan, as <c>fc sim --faults</c> takes it: items separated by <c>;</c>, each
/// <c>kind:key=value,key=value</c>. Times (<c>at</c>, <c>for</c>, <c>by</c>) are durations such as 90s, 1.5h, 250ms
/// (a bare number is seconds); <c>at</c> is simulation time since the start, default 0; <c>for</c> defaults to for ever.
/// <code>
/// drop:p=0.3,unit=2,at=10m,for=5m        lose 30 % of unit 2's responses for 5 minutes
/// delay:by=1.5s,unit=1,at=20m,for=1m      answer 1.5 s late (wall clock)
/// link-down:at=30m,for=20s                close connections / stop answering
/// corrupt:p=0.05                          flip a bit in 5 % of responses
/// trip:unit=1,ch=3,code=otp,at=2h         latch a protection (ovp, uvp, ocp, otp, contact)
/// heat:unit=1,ch=0,w=50,at=1h,for=10m     heat a cell by 50 W
/// </code>
/// Channels are 0-based, as in the register map.
/// </summary>
public static class FaultSpec
{
    /// <summary>Parses a spec; on failure <paramref name="error"/> names the item and what is wrong.</summary>
    public static bool TryParse(string spec, out IReadOnlyList<SimulatorFault> faults, out string error)
    {
        var list = new List<SimulatorFault>();
        faults = list;
        error = "";
        if (string.IsNullOrWhiteSpace(spec))
        {
            return true;
        }

        string[] items = spec.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < items.Length; i++)
        {
            if (!TryParseItem(items[i], out var fault, out string problem))
            {
                error = $"fault {i + 1} '{items[i]}': {problem}";
                return false;
            }

            list.Add(fault);
        }

        return true;
    }

    private static bool TryParseItem(string item, out SimulatorFault fault, out string problem)
    {
        fault = null!;
        int colon = item.IndexOf(':', StringComparison.Ordinal);
        string kind = (colon < 0 ? item : item[..colon]).Trim();
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        if (colon >= 0)
        {
            foreach (string pair in item[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    problem = $"'{pair}' is not key=value";
                    return false;
                }

                if (!args.TryAdd(pair[..eq].Trim(), pair[(eq + 1)..].Trim()))
                {
                    problem = $"'{pair[..eq].Trim()}' is given twice";
                    return false;
                }
            }
        }

        var reader = new Arguments(args);
        fault = kind switch
        {
            "drop" => reader.Allow("p", "unit", "at", "for") is null
                ? new DropResponses(reader.Probability("p"), reader.OptionalUnit(), reader.Window())
                : null!,
            "delay" => reader.Allow("by", "unit", "at", "for") is null
                ? new DelayResponses(reader.RequiredDuration("by", "the delay, e.g. by=1.5s"), reader.OptionalUnit(), reader.Window())
                : null!,
            "link-down" => reader.Allow("at", "for") is null ? new LinkDown(reader.Window()) : null!,
            "corrupt" => reader.Allow("p", "at", "for") is null ? new CorruptResponses(reader.Probability("p"), reader.Window()) : null!,
            "trip" => reader.Allow("unit", "ch", "code", "at") is null
                ? new TripProtection(reader.RequiredUnit(), reader.Channel(), reader.Code(), reader.Duration("at", TimeSpan.Zero))
                : null!,
            "heat" => reader.Allow("unit", "ch", "w", "at", "for") is null
                ? new HeatCell(reader.RequiredUnit(), reader.Channel(), reader.Power(), reader.Duration("at", TimeSpan.Zero), reader.RequiredDuration("for", "how long, e.g. for=10m"))
                : null!,
            _ => null!,
        };
        if (fault is null && reader.Problem is null)
        {
            problem = $"unknown kind '{kind}' (use drop, delay, link-down, corrupt, trip, heat)";
            return false;
        }

        problem = reader.Problem ?? "";
        return reader.Problem is null;
    }

    /// <summary>Reads typed values, keeping the first problem.</summary>
    private sealed class Arguments(Dictionary<string, string> args)
    {
        public string? Problem { get; private set; }

        public string? Allow(params string[] keys)
        {
            foreach (string key in args.Keys.Where(k => !keys.Contains(k)))
            {
                Fail($"unknown key '{key}' (this kind takes {string.Join(", ", keys)})");
            }

            return Problem;
        }

        public double Probability(string key)
        {
            if (!args.TryGetValue(key, out string? text))
            {
                return 1;
            }

            bool percent = text.EndsWith('%');
            if (double.TryParse(percent ? text[..^1] : text, NumberStyles.Float, CultureInfo.InvariantCulture, out double p) && (p /= percent ? 100 : 1) is >= 0 and <= 1)
            {
                return p;
            }

            Fail($"{key}={text}: a probability is from 0 to 1 (or 0% to 100%)");
            return 0;
        }

        public byte? OptionalUnit() => args.ContainsKey("unit") ? RequiredUnit() : null;

        public byte RequiredUnit()
        {
            if (args.TryGetValue("unit", out string? text) && byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out byte unit) && unit is >= 1 and <= 247)
            {
                return unit;
            }

            Fail(text is null ? "missing 'unit' (1 to 247)" : $"unit={text}: a unit id is 1 to 247");
            return 0;
        }

        public int Channel()
        {
            if (args.TryGetValue("ch", out string? text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int channel))
            {
                return channel;
            }

            Fail(text is null ? "missing 'ch' (the channel, 0-based)" : $"ch={text}: a channel is a number from 0");
            return 0;
        }

        public DeviceFaultCode Code()
        {
            string text = args.GetValueOrDefault("code", "ovp");
            var code = text switch
            {
                "ovp" => DeviceFaultCode.OverVoltage,
                "uvp" => DeviceFaultCode.UnderVoltage,
                "ocp" => DeviceFaultCode.OverCurrent,
                "otp" => DeviceFaultCode.OverTemperature,
                "contact" => DeviceFaultCode.ContactFault,
                _ => DeviceFaultCode.None,
            };
            if (code == DeviceFaultCode.None)
            {
                Fail($"code={text}: use ovp, uvp, ocp, otp or contact");
            }

            return code;
        }

        public double Power()
        {
            if (args.TryGetValue("w", out string? text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double w) && double.IsFinite(w))
            {
                return w;
            }

            Fail(text is null ? "missing 'w' (the heat in watts)" : $"w={text}: not a number of watts");
            return 0;
        }

        public TimeSpan Duration(string key, TimeSpan fallback)
        {
            if (!args.TryGetValue(key, out string? text))
            {
                return fallback;
            }

            if (DurationText.TryParse(text, out var duration))
            {
                return duration;
            }

            Fail($"{key}={text}: a duration is a number with ms, s, m, min, h or d (e.g. 90s, 1.5h)");
            return fallback;
        }

        public TimeSpan RequiredDuration(string key, string what)
        {
            if (!args.ContainsKey(key))
            {
                Fail($"missing '{key}' ({what})");
            }

            return Duration(key, TimeSpan.Zero);
        }

        public FaultWindow Window() =>
            new(Duration("at", TimeSpan.Zero), args.ContainsKey("for") ? Duration("for", TimeSpan.Zero) : null);

        private void Fail(string message) => Problem ??= message;
    }
}
