using FormationControl.Controller.Operations;

namespace FormationControl.Controller.Tests.Operations;

public sealed class TrayFileTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("fc-tray-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_tray_file_maps_positions_to_barcodes_and_skips_empty_positions()
    {
        string path = Write("position,barcode", "1,CELL-0001", "", "2, CELL-0002 ", "3,", "12,CELL-0012");

        var (cells, problems) = TrayFile.Load(path);

        Assert.Empty(problems);
        Assert.Equal(new Dictionary<int, string> { [1] = "CELL-0001", [2] = "CELL-0002", [12] = "CELL-0012" }, cells);
    }

    [Fact]
    public void Every_problem_is_reported_with_file_and_line()
    {
        string path = Write("position,barcode", "1,A", "x,B", "1,C", "4,A", "5", "6,D,E", "0,F");

        var (cells, problems) = TrayFile.Load(path);

        Assert.Null(cells);
        Assert.Equal(
            [
                $"{path}:3: position 'x' is not a channel number (1, 2, ...)",
                $"{path}:4: position 1 is already given on line 2",
                $"{path}:5: cell A is already on position 1",
                $"{path}:6: expected \"position,barcode\", found 1 field(s)",
                $"{path}:7: expected \"position,barcode\", found 3 field(s)",
                $"{path}:8: position '0' is not a channel number (1, 2, ...)",
            ],
            problems);
    }

    [Fact]
    public void A_missing_file_is_a_clear_problem()
    {
        string path = Path.Combine(directory, "nope.csv");

        var (cells, problems) = TrayFile.Load(path);

        Assert.Null(cells);
        Assert.StartsWith($"{path}: cannot read the tray file:", Assert.Single(problems), StringComparison.Ordinal);
    }

    private string Write(params string[] lines)
    {
        string path = Path.Combine(directory, "tray.csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}
