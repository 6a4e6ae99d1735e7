namespace FormationControl.Simulator.Cells;

/// <summary>
/// Open-circuit voltage as a function of state of charge: linear interpolation between table points,
/// continued beyond both ends by steep straight lines, so the curve stays strictly increasing and a cut-off
/// a little outside the table (3.0 V below an NMC table that starts at 3.2 V) is still reached.
/// Piecewise-linear on purpose: within one piece the cell equations have closed-form solutions.
/// </summary>
public sealed class OcvTable
{
    private readonly OcvSegment[] _segments;
    private readonly double[] _soc;

    /// <summary>Creates a table; SOC and voltages must both be strictly increasing.</summary>
    /// <param name="name">Chemistry name used in messages, e.g. <c>NMC/graphite</c>.</param>
    /// <param name="stateOfCharge">SOC points (fraction, 0 = empty, 1 = full).</param>
    /// <param name="voltageV">OCV at each point, in volts.</param>
    /// <param name="slopeBelowVPerUnit">Slope of the continuation below the first point, V per unit SOC.</param>
    /// <param name="slopeAboveVPerUnit">Slope of the continuation above the last point, V per unit SOC.</param>
    public OcvTable(string name, IReadOnlyList<double> stateOfCharge, IReadOnlyList<double> voltageV, double slopeBelowVPerUnit, double slopeAboveVPerUnit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(stateOfCharge);
        ArgumentNullException.ThrowIfNull(voltageV);
        if (stateOfCharge.Count < 2 || stateOfCharge.Count != voltageV.Count)
        {
            throw new ArgumentException($"OCV table '{name}': needs at least two points and as many voltages as SOC values (got {stateOfCharge.Count} SOC, {voltageV.Count} voltages).", nameof(voltageV));
        }

        for (int i = 0; i < stateOfCharge.Count; i++)
        {
            if (!double.IsFinite(stateOfCharge[i]) || !double.IsFinite(voltageV[i]))
            {
                throw new ArgumentException($"OCV table '{name}': point {i} is not a finite number.", nameof(stateOfCharge));
            }

            if (i > 0 && (stateOfCharge[i] <= stateOfCharge[i - 1] || voltageV[i] <= voltageV[i - 1]))
            {
                throw new ArgumentException($"OCV table '{name}': point {i} (SOC {stateOfCharge[i]}, {voltageV[i]} V) does not strictly increase over point {i - 1}.", nameof(stateOfCharge));
            }
        }

        if (!(slopeBelowVPerUnit > 0) || !(slopeAboveVPerUnit > 0) || !double.IsFinite(slopeBelowVPerUnit) || !double.IsFinite(slopeAboveVPerUnit))
        {
            throw new ArgumentException($"OCV table '{name}': the continuation slopes must be positive and finite (got {slopeBelowVPerUnit} and {slopeAboveVPerUnit} V per unit SOC).", nameof(slopeBelowVPerUnit));
        }

        Name = name;
        _soc = [.. stateOfCharge];
        int n = _soc.Length;
        _segments = new OcvSegment[n + 1];
        _segments[0] = new OcvSegment(double.NegativeInfinity, _soc[0], voltageV[0] - (slopeBelowVPerUnit * _soc[0]), slopeBelowVPerUnit);
        for (int i = 1; i < n; i++)
        {
            double slope = (voltageV[i] - voltageV[i - 1]) / (_soc[i] - _soc[i - 1]);
            _segments[i] = new OcvSegment(_soc[i - 1], _soc[i], voltageV[i - 1] - (slope * _soc[i - 1]), slope);
        }

        _segments[n] = new OcvSegment(_soc[n - 1], double.PositiveInfinity, voltageV[n - 1] - (slopeAboveVPerUnit * _soc[n - 1]), slopeAboveVPerUnit);
    }

    /// <summary>
    /// NMC/graphite, 100 Ah class (domain primer §5). The continuations are 200 V per unit SOC: a C/5
    /// discharge to 3.0 V then ends within about 0.1 % of SOC 0, so the capacity measured between the
    /// primer's 3.0–4.2 V limits is the cell's capacity within about 0.1 %.
    /// </summary>
    public static OcvTable NmcGraphite { get; } = new(
        "NMC/graphite",
        [0.00, 0.05, 0.10, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 0.95, 1.00],
        [3.200, 3.447, 3.494, 3.575, 3.625, 3.655, 3.697, 3.768, 3.854, 3.937, 4.046, 4.104, 4.187],
        slopeBelowVPerUnit: 200,
        slopeAboveVPerUnit: 200);

    /// <summary>LFP/graphite pseudo-OCV (domain primer §5); its plateau is only ~75 mV wide from 30 % to 98 % SOC.</summary>
    public static OcvTable LfpGraphite { get; } = new(
        "LFP/graphite",
        [0.0, 0.0033, 0.0117, 0.0267, 0.0534, 0.0885, 0.297, 0.983, 0.995, 1.0],
        [2.010, 2.418, 2.741, 2.930, 3.087, 3.194, 3.277, 3.351, 3.418, 3.598],
        slopeBelowVPerUnit: 200,
        slopeAboveVPerUnit: 200);

    /// <summary>The chemistry name.</summary>
    public string Name { get; }

    /// <summary>Open-circuit voltage at a state of charge (any real SOC; outside the table the continuations apply).</summary>
    public double VoltageAt(double stateOfCharge) => _segments[SegmentIndex(stateOfCharge, 1)].VoltageAt(stateOfCharge);

    /// <summary>The state of charge whose open-circuit voltage is <paramref name="voltageV"/> (the exact inverse).</summary>
    public double StateOfChargeAt(double voltageV)
    {
        foreach (var s in _segments)
        {
            if (voltageV <= s.VoltageAt(s.UpperSoc) || double.IsPositiveInfinity(s.UpperSoc))
            {
                return (voltageV - s.InterceptV) / s.SlopeVPerUnit;
            }
        }

        throw new InvalidOperationException("unreachable: the last segment is unbounded");
    }

    internal OcvSegment Segment(int index) => _segments[index];

    /// <summary>
    /// The piece SOC is in. At a breakpoint the direction of travel decides: moving up, the piece above;
    /// moving down, the piece below; so a path never starts on a piece it is about to leave.
    /// </summary>
    internal int SegmentIndex(double soc, int direction, int hint)
    {
        // Cells move slowly: the piece found last time is almost always still the right one.
        var h = _segments[hint];
        bool inside = direction >= 0 ? soc >= h.LowerSoc && soc < h.UpperSoc : soc > h.LowerSoc && soc <= h.UpperSoc;
        return inside ? hint : SegmentIndex(soc, direction);
    }

    internal int SegmentIndex(double soc, int direction)
    {
        int i = Array.BinarySearch(_soc, soc);
        if (i >= 0)
        {
            return direction >= 0 ? i + 1 : i;
        }

        return ~i;
    }
}
