using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FormationControl.Cli.Commands.Measure;

/// <summary>What <c>fc measure</c> prints: a table row per position as it is measured, then a summary; or one JSON object.</summary>
public sealed class MeasureReport(MeasureSettings settings, string identity, string station)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly List<MeasuredCell> _cells = [];

    public IReadOnlyList<MeasuredCell> Cells => _cells;

    /// <summary>Measurements committed to the store.</summary>
    public int Stored { get; set; }

    /// <summary>Why the session stopped early, or null.</summary>
    public string? Aborted { get; set; }

    public int Count(MeasuredCellStatus status) => _cells.Count(c => c.Status == status);

    public void Add(MeasuredCell cell) => _cells.Add(cell);

    public string Header() => string.Create(CultureInfo.InvariantCulture, $"""
        meter {settings.Meter}: {identity}
        session {settings.Session} at station {station}, {settings.TemperatureC:F1} degC (given with --temperature: the meter has no thermometer), store {settings.Db}
        position  channel  cell                  OCV V  ACIR mOhm   K mV/day  status

        """);

    public static string Row(MeasuredCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string status = cell.Status switch
        {
            MeasuredCellStatus.Measured => cell.Problem is null ? "ok" : "ok; " + cell.Problem,
            MeasuredCellStatus.Open => "OPEN (no cell on the probes or a dead cell; no ACIR)",
            _ => "FAILED: " + cell.Problem,
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{cell.Position,8}  {cell.Channel,7}  {cell.CellId,-18}  {Number(cell.OcvV, "F5"),9}  {Number(cell.AcirOhm * 1000, "F4"),9}  {Number(cell.KMvPerDay, "F3"),9}  {status}\n");
    }

    public string Summary()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"summary: {_cells.Count} position(s): {Count(MeasuredCellStatus.Measured)} measured, {Count(MeasuredCellStatus.Open)} open, {Count(MeasuredCellStatus.Failed)} failed; {Stored} stored in session {settings.Session}");
        int withK = _cells.Count(c => c.KMvPerDay is not null);
        if (withK > 0)
        {
            var k = _cells.Where(c => c.KMvPerDay is not null).Select(c => c.KMvPerDay!.Value).Order().ToList();
            text.Append(CultureInfo.InvariantCulture, $"; K of {withK} cell(s): median {k[k.Count / 2]:F3} mV/day, max {k[^1]:F3} mV/day");
        }

        return text.Append('\n').ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(
        new
        {
            meter = settings.Meter,
            identity,
            station,
            session = settings.Session,
            db = settings.Db,
            temperatureC = settings.TemperatureC,
            temperatureSource = "given (--temperature); the meter has no thermometer",
            cells = _cells,
            measured = Count(MeasuredCellStatus.Measured),
            open = Count(MeasuredCellStatus.Open),
            failed = Count(MeasuredCellStatus.Failed),
            stored = Stored,
            aborted = Aborted,
        },
        JsonOptions) + "\n";

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
