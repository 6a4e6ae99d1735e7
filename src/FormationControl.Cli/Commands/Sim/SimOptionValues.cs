namespace FormationControl.Cli.Commands.Sim;

/// <summary>The option values of <c>fc sim</c> as parsed, before they are checked (<see cref="SimSettings.TryCreate"/>).</summary>
internal sealed record SimOptionValues(
    string? Tcp,
    bool PortPerUnit,
    string? Rtu,
    int Baud,
    string Parity,
    int Units,
    int Channels,
    string Chemistry,
    double? CapacityAh,
    double Speed,
    int Seed,
    string? Truth,
    string? Meter,
    int MeterBaud,
    string? Faults,
    string Defects,
    string Noise,
    double AmbientC,
    double InitialSoc,
    string? Map);
