using FormationControl.Devices.RegisterMaps;
using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Cycler;
using FormationControl.Simulator.Meter;
using FormationControl.Simulator.Population;

namespace FormationControl.Cli.Tests.Commands.Measure;

/// <summary>
/// An ageing station for <c>fc measure</c>: eight simulated cells at rest on a unit, the one on channel
/// <see cref="DeadChannel"/> dead (open circuit), measured by the simulated meter through its multiplexer, which
/// this test process serves on one end of a socat pty pair; fc gets the other end.
/// </summary>
internal sealed class MeterBench : IAsyncDisposable
{
    public const int Channels = 8;
    public const int DeadChannel = 5;

    private MeterBench(SimulatedCyclerUnit unit, SimulatedMeter meter, SocatPair line, string folder)
    {
        Unit = unit;
        Meter = meter;
        Line = line;
        Folder = folder;
    }

    public SimulatedCyclerUnit Unit { get; }

    public SimulatedMeter Meter { get; }

    public SocatPair Line { get; }

    /// <summary>The device fc opens.</summary>
    public string Device => Line.PortB;

    /// <summary>A temporary folder for the store and tray files.</summary>
    public string Folder { get; }

    public string Db => Path.Combine(Folder, "ageing.db");

    public MeterSerialServer? Server { get; private set; }

    public static async Task<MeterBench> StartAsync()
    {
        var map = RegisterMapLoader.Load(Path.Combine(RepositoryFiles.Root, "profiles", "devices", "sim-cycler-v1.json"));
        var population = new CellPopulation(Channels, 100, 21);
        var cells = population.Cells.ToArray();
        var dead = cells[DeadChannel - 1];
        cells[DeadChannel - 1] = new SimulatedCell(dead.Truth with { Defect = CellDefect.Dead }, dead.Ocv, dead.Options);
        var unit = new SimulatedCyclerUnit(map, 1, cells, TimeProvider.System);
        var line = await SocatPair.StartAsync();
        return new MeterBench(unit, new SimulatedMeter([unit]), line, Directory.CreateTempSubdirectory("fc-measure-").FullName);
    }

    /// <summary>Serves the meter on the line as the plant's meter would (9600 baud, no parity: fc's defaults).</summary>
    public void Serve()
    {
        Server = new MeterSerialServer(Meter);
        Server.Start(Line.PortA);
    }

    /// <summary>Writes a tray file of "position,barcode" lines and returns its path.</summary>
    public string Tray(params (int Position, string Cell)[] cells)
    {
        string path = Path.Combine(Folder, $"tray-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["position,barcode", .. cells.Select(c => $"{c.Position},{c.Cell}")]);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        await Line.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
