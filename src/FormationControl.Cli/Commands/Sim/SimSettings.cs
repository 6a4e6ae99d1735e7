using System.Globalization;
using System.IO.Ports;
using FormationControl.Cli.Commands.Modbus;
using FormationControl.Simulator.Faults;
using FormationControl.Simulator.Population;

namespace FormationControl.Cli.Commands.Sim;

/// <summary>The checked options of <c>fc sim</c>.</summary>
internal sealed record SimSettings
{
    public string? TcpHost { get; init; }

    public int TcpPort { get; init; }

    public bool PortPerUnit { get; init; }

    public string? RtuDevice { get; init; }

    public int Baud { get; init; }

    public Parity Parity { get; init; }

    public int Units { get; init; }

    public int Channels { get; init; }

    public required SimChemistry Chemistry { get; init; }

    public double CapacityAh { get; init; }

    public double Speed { get; init; }

    public int Seed { get; init; }

    public string? TruthFile { get; init; }

    public string? MeterDevice { get; init; }

    public int MeterBaud { get; init; }

    public required IReadOnlyList<SimulatorFault> Faults { get; init; }

    public required DefectRates Defects { get; init; }

    public bool Noise { get; init; }

    public double AmbientC { get; init; }

    public double InitialSoc { get; init; }

    public string? MapFile { get; init; }

    /// <summary>Checks the raw option values; on failure <paramref name="error"/> names the option and the problem.</summary>
    public static bool TryCreate(SimOptionValues raw, out SimSettings settings, out string error)
    {
        settings = null!;
        error = "";
        string? host = null;
        int port = 0;
        if (raw.Tcp is not null && !TcpEndpoint.TryParse(raw.Tcp, out host, out port, out error))
        {
            return false;
        }

        if (raw.Tcp is null && raw.Rtu is null)
        {
            error = "give --tcp HOST:PORT and/or --rtu DEVICE: the simulator needs a transport";
            return false;
        }

        if (raw.Units is < 1 or > 247)
        {
            error = $"--units {raw.Units}: from 1 to 247 units (their Modbus unit ids are 1 to U)";
            return false;
        }

        if (raw.Channels is < 1 or > 256)
        {
            error = $"--channels {raw.Channels}: from 1 to 256 channels per unit (the register map's maxChannels)";
            return false;
        }

        if (!SimChemistry.TryParse(raw.Chemistry, out var chemistry))
        {
            error = $"--chemistry '{raw.Chemistry}': use nmc or lfp";
            return false;
        }

        double capacity = raw.CapacityAh ?? chemistry.DefaultCapacityAh;
        if (!(capacity > 0) || !double.IsFinite(capacity))
        {
            error = $"--capacity {capacity.ToString(CultureInfo.InvariantCulture)}: a positive number of Ah";
            return false;
        }

        if (!(raw.Speed > 0) || !double.IsFinite(raw.Speed))
        {
            error = $"--speed {raw.Speed.ToString(CultureInfo.InvariantCulture)}: a positive factor (1 = real time, 60 = a minute per second)";
            return false;
        }

        if (raw.Baud is < 50 or > 4_000_000 || raw.MeterBaud is < 50 or > 4_000_000)
        {
            error = $"--baud {raw.Baud} / --meter-baud {raw.MeterBaud}: from 50 to 4000000";
            return false;
        }

        if (!TryParity(raw.Parity, out var parity))
        {
            error = $"--parity '{raw.Parity}': use none, even or odd";
            return false;
        }

        if (!FaultSpec.TryParse(raw.Faults ?? "", out var faults, out string faultError))
        {
            error = $"--faults: {faultError}";
            return false;
        }

        if (!DefectRates.TryParse(raw.Defects, out var defects, out string defectError))
        {
            error = $"--defects: {defectError}";
            return false;
        }

        if (raw.Noise is not ("on" or "off"))
        {
            error = $"--noise '{raw.Noise}': use on or off";
            return false;
        }

        if (!double.IsFinite(raw.AmbientC) || raw.AmbientC is < -40 or > 100)
        {
            error = $"--ambient {raw.AmbientC.ToString(CultureInfo.InvariantCulture)}: from -40 to 100 degC";
            return false;
        }

        if (!(raw.InitialSoc is >= 0 and <= 1))
        {
            error = $"--initial-soc {raw.InitialSoc.ToString(CultureInfo.InvariantCulture)}: a fraction from 0 to 1";
            return false;
        }

        settings = new SimSettings
        {
            TcpHost = host,
            TcpPort = port,
            PortPerUnit = raw.PortPerUnit,
            RtuDevice = raw.Rtu,
            Baud = raw.Baud,
            Parity = parity,
            Units = raw.Units,
            Channels = raw.Channels,
            Chemistry = chemistry,
            CapacityAh = capacity,
            Speed = raw.Speed,
            Seed = raw.Seed,
            TruthFile = raw.Truth,
            MeterDevice = raw.Meter,
            MeterBaud = raw.MeterBaud,
            Faults = faults,
            Defects = defects,
            Noise = raw.Noise == "on",
            AmbientC = raw.AmbientC,
            InitialSoc = raw.InitialSoc,
            MapFile = raw.Map,
        };
        return true;
    }

    private static bool TryParity(string text, out Parity parity)
    {
        parity = text.ToLowerInvariant() switch
        {
            "none" => Parity.None,
            "even" => Parity.Even,
            "odd" => Parity.Odd,
            _ => Parity.Mark,
        };
        return parity != Parity.Mark;
    }
}
