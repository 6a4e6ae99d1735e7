using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FormationControl.Storage;

namespace FormationControl.Controller.Handoff;

/// <summary>
/// The packing line's view of one lot grading: a row per cell (barcode, grade, capacity, DCIR, ACIR, K, OCV, recipe
/// hash) as JSON (<see cref="Format"/>) and CSV. Both are pure functions of the stored grading, so writing them again
/// gives the same bytes.
/// </summary>
public sealed class HandoffDocument
{
    /// <summary>The JSON document's <c>format</c> value; a change that breaks readers changes the number.</summary>
    public const string Format = "formationcontrol.handoff/1";

    /// <summary>The CSV header line.</summary>
    public const string CsvHeader = "barcode,grade,capacity_ah,dcir_ohm,acir_ohm,k_mv_per_day,ocv_v,recipe_hash";

    private HandoffDocument(LotGrading grading, byte[] json, byte[] csv)
    {
        Grading = grading;
        Json = json;
        Csv = csv;
        JsonSha256 = Convert.ToHexStringLower(SHA256.HashData(json));
    }

    /// <summary>The grading handed off.</summary>
    public LotGrading Grading { get; }

    /// <summary>UTF-8 JSON (no BOM).</summary>
    public byte[] Json { get; }

    /// <summary>UTF-8 CSV (no BOM), LF line ends.</summary>
    public byte[] Csv { get; }

    /// <summary>Lowercase hex SHA-256 of <see cref="Json"/>.</summary>
    public string JsonSha256 { get; }

    /// <summary>The file name stem, e.g. <c>LOT-42.v3.handoff</c>: lot and version, characters unsafe in file names replaced by '_'.</summary>
    public string FileStem => StemOf(Grading.Lot, Grading.Version);

    /// <summary>The JSON file's name.</summary>
    public string JsonFileName => FileStem + ".json";

    /// <summary>The CSV file's name.</summary>
    public string CsvFileName => FileStem + ".csv";

    /// <summary>The file name stem of the handoff of <paramref name="lot"/>, version <paramref name="version"/>.</summary>
    public static string StemOf(string lot, int version)
    {
        ArgumentNullException.ThrowIfNull(lot);
        var safe = new StringBuilder(lot.Length);
        foreach (char c in lot)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return $"{safe}.v{version.ToString(CultureInfo.InvariantCulture)}.handoff";
    }

    /// <summary>Builds both forms of the handoff of <paramref name="grading"/> (cells in barcode order).</summary>
    public static HandoffDocument Of(LotGrading grading)
    {
        ArgumentNullException.ThrowIfNull(grading);
        var grades = grading.Grades.OrderBy(g => g.CellId, StringComparer.Ordinal).ToList();
        return new HandoffDocument(grading, JsonOf(grading, grades), CsvOf(grades));
    }

    private static byte[] JsonOf(LotGrading grading, List<GradeRecord> grades)
    {
        using var buffer = new MemoryStream(256 + (grades.Count * 200));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteString("lot", grading.Lot);
            writer.WriteNumber("lotVersion", grading.Version);
            writer.WriteStartObject("recipe");
            writer.WriteString("name", grading.RecipeName);
            writer.WriteString("version", grading.RecipeVersion);
            writer.WriteString("hash", grading.RecipeHash);
            writer.WriteEndObject();
            writer.WriteString("gradedAt", grading.GradedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            writer.WriteNumber("cellCount", grades.Count);
            writer.WriteStartArray("cells");
            foreach (var g in grades)
            {
                writer.WriteStartObject();
                writer.WriteString("barcode", g.CellId);
                writer.WriteString("grade", g.Grade);
                Number(writer, "capacityAh", g.CapacityAh);
                Number(writer, "dcirOhm", g.DcirOhm);
                Number(writer, "acirOhm", g.AcirOhm);
                Number(writer, "kMvPerDay", g.KMvPerDay);
                Number(writer, "ocvV", g.OcvV);
                writer.WriteString("recipeHash", g.RecipeHash);
                writer.WriteStartArray("rejectCodes");
                foreach (string code in g.RejectCodes)
                {
                    writer.WriteStringValue(code);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Number(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static byte[] CsvOf(List<GradeRecord> grades)
    {
        var text = new StringBuilder(64 + (grades.Count * 110));
        text.Append(CsvHeader).Append('\n');
        foreach (var g in grades)
        {
            Field(text, g.CellId).Append(',');
            Field(text, g.Grade).Append(',');
            Value(text, g.CapacityAh).Append(',');
            Value(text, g.DcirOhm).Append(',');
            Value(text, g.AcirOhm).Append(',');
            Value(text, g.KMvPerDay).Append(',');
            Value(text, g.OcvV).Append(',');
            Field(text, g.RecipeHash).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static StringBuilder Value(StringBuilder text, double? value) =>
        value is { } v && double.IsFinite(v) ? text.Append(v.ToString("R", CultureInfo.InvariantCulture)) : text;

    /// <summary>RFC 4180: quoted when it holds a comma, quote or line break, quotes doubled.</summary>
    private static StringBuilder Field(StringBuilder text, string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text.Append(value) : text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
}
