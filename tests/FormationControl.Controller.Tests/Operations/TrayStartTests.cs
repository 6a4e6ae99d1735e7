using FormationControl.Controller.Operations;
using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Tests.Operations;

public sealed class TrayStartTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("fc-traystart-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Channels_and_tray_become_one_start_request()
    {
        string tray = Write("1,A", "2,B", "9,I");
        var profile = ProfileLoader.Parse("{}", "p.json");

        var (request, problems) = TrayStart.Create(profile, "1-3", tray, 16, engineering: true, lot: "L7");

        Assert.Empty(problems);
        Assert.NotNull(request);
        Assert.Equal([1, 2, 3], request.Channels);
        Assert.Equal("A", request.Cells[1]);
        Assert.False(request.Cells.ContainsKey(3));
        Assert.True(request.Engineering);
        Assert.Equal("L7", request.Lot);
        Assert.Same(profile, request.Profile);
    }

    [Fact]
    public void Bad_channels_and_bad_tray_lines_are_all_reported()
    {
        string tray = Write("1,A", "1,B", "40,Z");

        var (request, problems) = TrayStart.Create(ProfileLoader.Parse("{}", "p.json"), "1-99", tray, 16);

        Assert.Null(request);
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("--channels: '1-99' is outside", problems[0], StringComparison.Ordinal);
        Assert.Equal($"{tray}:2: position 1 is already given on line 1", problems[1]);
    }

    [Fact]
    public void A_tray_position_beyond_the_rack_is_refused()
    {
        string tray = Write("1,A", "40,Z");

        var (request, problems) = TrayStart.Create(ProfileLoader.Parse("{}", "p.json"), "1", tray, 16);

        Assert.Null(request);
        Assert.Equal($"{tray}: position 40 is outside the rack's channels 1 to 16", Assert.Single(problems));
    }

    private string Write(params string[] lines)
    {
        string path = Path.Combine(directory, "tray.csv");
        File.WriteAllLines(path, lines);
        return path;
    }
}
