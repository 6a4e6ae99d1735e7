using System.Globalization;
using FormationControl.Simulator.Cycler;

namespace FormationControl.Simulator.Meter;

/// <summary>
/// A simulated OCV/ACIR battery meter behind a multiplexer, speaking an SCPI-style ASCII protocol (one command line
/// in, at most one response line out; see docs/simulator.md). It measures the same simulated cells the cycler units
/// hold: the 1 kHz AC resistance is the cell's R0 now (its temperature and SOC included, the RC pairs being shorted at
/// 1 kHz; Kelvin probes on the cell, so no fixture contact resistance) with noise, and the voltage is the cell's own
/// terminal voltage now (its open-circuit voltage, relaxation included, while the channel's output is off). Multiplexer channel N (1-based)
/// is cell N of the units in order. Errors go to an SCPI error queue; a query that fails gets no response.
/// Thread-safe.
/// </summary>
public sealed class SimulatedMeter
{
    /// <summary>The SCPI overflow value, answered as the resistance of an open (dead) cell.</summary>
    public const double Overflow = 9.9e37;

    private readonly Lock _gate = new();
    private readonly MeterChannel[] _channels;
    private readonly MeterOptions _options;
    private readonly Random _noise;
    private readonly Queue<string> _errors = new();
    private int _closed;
    private string? _last;

    /// <summary>A meter whose multiplexer reaches every channel of <paramref name="units"/>, unit after unit.</summary>
    public SimulatedMeter(IEnumerable<SimulatedCyclerUnit> units, MeterOptions? options = null)
        : this(units.SelectMany(u => Enumerable.Range(0, u.ChannelCount).Select(c => new MeterChannel(u, c))), options)
    {
    }

    /// <summary>A meter with an explicit multiplexer wiring: channel N is <paramref name="channels"/>[N − 1].</summary>
    public SimulatedMeter(IEnumerable<MeterChannel> channels, MeterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        _channels = [.. channels];
        if (_channels.Length == 0)
        {
            throw new ArgumentException("The meter needs at least one multiplexer channel.", nameof(channels));
        }

        _options = options ?? MeterOptions.Default;
        _options.Validate();
        _noise = new Random(_options.Seed);
    }

    /// <summary>Multiplexer channels, numbered 1 to this.</summary>
    public int ChannelCount => _channels.Length;

    /// <summary>The closed multiplexer channel (1-based), or null.</summary>
    public int? ClosedChannel
    {
        get
        {
            lock (_gate)
            {
                return _closed == 0 ? null : _closed;
            }
        }
    }

    /// <summary>Carries out one command line (several commands may be joined by ';'); returns the response line without its terminator, or null when there is none.</summary>
    public string? Execute(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            var answers = new List<string>();
            foreach (string command in line.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (Run(command) is { } answer)
                {
                    answers.Add(answer);
                }
            }

            return answers.Count == 0 ? null : string.Join(';', answers);
        }
    }

    private string? Run(string command)
    {
        int space = command.IndexOfAny([' ', '\t']);
        string header = space < 0 ? command : command[..space];
        string parameter = space < 0 ? "" : command[(space + 1)..].Trim();
        if (ScpiHeader.Matches(header, "*IDN?"))
        {
            return NoParameter(parameter) ? _options.Identity : null;
        }

        if (ScpiHeader.Matches(header, "*RST"))
        {
            if (NoParameter(parameter))
            {
                _closed = 0;
                _last = null;
            }

            return null;
        }

        if (ScpiHeader.Matches(header, "*CLS"))
        {
            if (NoParameter(parameter))
            {
                _errors.Clear();
            }

            return null;
        }

        if (ScpiHeader.Matches(header, "ROUTe:CLOSe"))
        {
            if (TryChannel(parameter, out int channel))
            {
                _closed = channel;
            }

            return null;
        }

        if (ScpiHeader.Matches(header, "ROUTe:CLOSe?"))
        {
            if (parameter.Length == 0)
            {
                return _closed == 0 ? "(@)" : string.Create(CultureInfo.InvariantCulture, $"(@{_closed})");
            }

            return TryChannel(parameter, out int channel) ? (channel == _closed ? "1" : "0") : null;
        }

        if (ScpiHeader.Matches(header, "ROUTe:OPEN:ALL"))
        {
            if (NoParameter(parameter))
            {
                _closed = 0;
            }

            return null;
        }

        if (ScpiHeader.Matches(header, "ROUTe:OPEN"))
        {
            if (TryChannel(parameter, out int channel) && channel == _closed)
            {
                _closed = 0;
            }

            return null;
        }

        if (ScpiHeader.Matches(header, "READ?") || ScpiHeader.Matches(header, "MEASure?"))
        {
            return NoParameter(parameter) ? Measure() : null;
        }

        if (ScpiHeader.Matches(header, "FETCh?"))
        {
            if (!NoParameter(parameter))
            {
                return null;
            }

            if (_last is null)
            {
                Error(-230, "Data corrupt or stale; no reading yet");
            }

            return _last;
        }

        if (ScpiHeader.Matches(header, "SYSTem:ERRor[:NEXT]?"))
        {
            return NoParameter(parameter) ? (_errors.Count > 0 ? _errors.Dequeue() : "0,\"No error\"") : null;
        }

        Error(-113, "Undefined header");
        return null;
    }

    private string? Measure()
    {
        if (_closed == 0)
        {
            Error(-221, "Settings conflict; no channel closed");
            return null;
        }

        var wired = _channels[_closed - 1];
        var state = wired.Unit.ReadChannelState(wired.Channel);
        bool open = wired.Unit.TruthOf(wired.Channel).IsOpenCircuit;
        double resistance = open ? Overflow : (state.R0Ohm * (1 + (_options.ResistanceNoiseFraction * Normal()))) + (_options.ResistanceNoiseOhm * Normal());
        // The probes sit on the cell's own terminals: no drop over the fixture's contact.
        double cellVoltage = state.RelaxingVoltageV + (state.CurrentA * state.R0Ohm);
        double voltage = (open ? 0 : cellVoltage) + (_options.VoltageNoiseV * Normal());
        _last = string.Create(CultureInfo.InvariantCulture, $"{resistance.ToString("0.0000E+00", CultureInfo.InvariantCulture)},{voltage.ToString("0.00000E+00", CultureInfo.InvariantCulture)}");
        return _last;
    }

    private bool TryChannel(string parameter, out int channel)
    {
        channel = 0;
        if (parameter.Length == 0)
        {
            Error(-109, "Missing parameter; expected a channel list such as (@1)");
            return false;
        }

        if (!parameter.StartsWith("(@", StringComparison.Ordinal) || !parameter.EndsWith(')'))
        {
            Error(-104, "Data type error; expected a channel list such as (@1)");
            return false;
        }

        string number = parameter[2..^1].Trim();
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out channel))
        {
            Error(number.Contains(',', StringComparison.Ordinal) || number.Contains(':', StringComparison.Ordinal) ? -221 : -104,
                number.Contains(',', StringComparison.Ordinal) || number.Contains(':', StringComparison.Ordinal) ? "Settings conflict; close one channel at a time" : "Data type error; expected a channel number");
            return false;
        }

        if (channel < 1 || channel > _channels.Length)
        {
            Error(-222, string.Create(CultureInfo.InvariantCulture, $"Data out of range; channels are 1 to {_channels.Length}"));
            channel = 0;
            return false;
        }

        return true;
    }

    private bool NoParameter(string parameter)
    {
        if (parameter.Length == 0)
        {
            return true;
        }

        Error(-108, "Parameter not allowed");
        return false;
    }

    private void Error(int code, string message)
    {
        string entry = string.Create(CultureInfo.InvariantCulture, $"{code},\"{message}\"");
        if (_errors.Count >= _options.ErrorQueueLength)
        {
            // SCPI: the newest error is replaced by the overflow notice.
            var kept = _errors.Take(_options.ErrorQueueLength - 1).ToList();
            _errors.Clear();
            kept.ForEach(_errors.Enqueue);
            _errors.Enqueue("-350,\"Queue overflow\"");
            return;
        }

        _errors.Enqueue(entry);
    }

    private double Normal()
    {
        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - _noise.NextDouble()));
        return radius * Math.Cos(2.0 * Math.PI * _noise.NextDouble());
    }
}
