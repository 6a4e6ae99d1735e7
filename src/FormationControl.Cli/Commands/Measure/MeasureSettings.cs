using FormationControl.Modbus.Rtu;

namespace FormationControl.Cli.Commands.Measure;

/// <summary>What <c>fc measure</c> was asked to do.</summary>
public sealed record MeasureSettings
{
    /// <summary>The meter's serial device, e.g. /dev/ttyUSB0.</summary>
    public required string Meter { get; init; }

    /// <summary>Line settings of the meter's serial port.</summary>
    public required SerialLineSettings Line { get; init; }

    /// <summary>The tray file (CSV position,barcode).</summary>
    public required string TrayFile { get; init; }

    /// <summary>Session name, e.g. "ocv1".</summary>
    public required string Session { get; init; }

    /// <summary>The store file.</summary>
    public required string Db { get; init; }

    /// <summary>Station name to record; null: the meter's model and serial number from its identity.</summary>
    public string? Station { get; init; }

    /// <summary>Cell temperature to record, in °C: the meter has no thermometer, so it is given by the operator.</summary>
    public double TemperatureC { get; init; } = 25;

    /// <summary>Multiplexer channel = tray position + this.</summary>
    public int ChannelOffset { get; init; }

    /// <summary>α of the K-value's temperature compensation, in V/K.</summary>
    public double TemperatureCoefficientVPerK { get; init; } = 0.3e-3;

    /// <summary>Temperature both sessions' OCVs are brought to for K, in °C.</summary>
    public double ReferenceTemperatureC { get; init; } = 25;

    /// <summary>How long the meter may take to answer one query.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Print JSON instead of the table.</summary>
    public bool Json { get; init; }
}
