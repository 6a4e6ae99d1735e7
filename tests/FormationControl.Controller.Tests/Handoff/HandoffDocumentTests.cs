using System.Text;
using System.Text.Json;
using FormationControl.Controller.Handoff;
using FormationControl.Storage;

namespace FormationControl.Controller.Tests.Handoff;

public sealed class HandoffDocumentTests
{
    internal static LotGrading Grading(string lot = "LOT-1", int version = 2) => new(
        lot, version, "nmc", "1.0.0", "abc123", new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero),
        [
            new GradeRecord(2, "ZELL,\"2\"", lot, 11, "nmc", "1.0.0", "abc123", null, "reject", "no capacity", 1, default) { RejectCodes = ["missing-capacity"] },
            new GradeRecord(1, "CELL-1", lot, 10, "nmc", "1.0.0", "abc123", 101.25, "A", "ok", 1, default)
            {
                DcirOhm = 0.0008, AcirOhm = 0.0005, KMvPerDay = 0.12, OcvV = 3.651,
            },
        ]);

    [Fact]
    public void Csv_has_a_row_per_cell_in_barcode_order_with_empty_fields_for_unmeasured_values()
    {
        var document = HandoffDocument.Of(Grading());

        string[] lines = Encoding.UTF8.GetString(document.Csv).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HandoffDocument.CsvHeader, lines[0]);
        Assert.Equal("CELL-1,A,101.25,0.0008,0.0005,0.12,3.651,abc123", lines[1]);
        Assert.Equal("\"ZELL,\"\"2\"\"\",reject,,,,,,abc123", lines[2]);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void Json_carries_lot_version_recipe_and_every_cell_and_hashes_to_its_sha256()
    {
        var document = HandoffDocument.Of(Grading());

        using var json = JsonDocument.Parse(document.Json);
        var root = json.RootElement;
        Assert.Equal(HandoffDocument.Format, root.GetProperty("format").GetString());
        Assert.Equal("LOT-1", root.GetProperty("lot").GetString());
        Assert.Equal(2, root.GetProperty("lotVersion").GetInt32());
        Assert.Equal("abc123", root.GetProperty("recipe").GetProperty("hash").GetString());
        var cells = root.GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(2, cells.Count);
        Assert.Equal(101.25, cells[0].GetProperty("capacityAh").GetDouble());
        Assert.Equal(JsonValueKind.Null, cells[1].GetProperty("capacityAh").ValueKind);
        Assert.Equal("missing-capacity", cells[1].GetProperty("rejectCodes")[0].GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(document.Json)), document.JsonSha256);
        Assert.Equal(document.Json, HandoffDocument.Of(Grading()).Json);
    }

    [Fact]
    public void File_names_carry_lot_and_version_with_unsafe_characters_replaced()
    {
        Assert.Equal("A_B_C-1.v3.handoff", HandoffDocument.StemOf("A/B C-1", 3));
        Assert.Equal("LOT-1.v2.handoff.json", HandoffDocument.Of(Grading()).JsonFileName);
    }
}
