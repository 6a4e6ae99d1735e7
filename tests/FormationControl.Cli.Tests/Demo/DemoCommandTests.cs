using System.Text.Json;
using FormationControl.Cli.Tests.Support;

namespace FormationControl.Cli.Tests.Demo;

public sealed class DemoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-demo-cmd-").FullName;

    [Fact]
    public async Task Json_output_is_one_object_with_the_documented_fields()
    {
        string db = Path.Combine(_dir, "d.db");
        string inbox = Path.Combine(_dir, "packing");
        var (code, stdout, stderr) = await FcProcess.RunAsync(
            "demo", "--cells", "3", "--seed", "11", "--poll", "60", "--defects", "none", "--ageing-days", "2", "--db", db, "--handoff", inbox, "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("cells").GetInt32());
        Assert.Equal(3, root.GetProperty("completed").GetInt32());
        Assert.Equal(3, root.GetProperty("grades").EnumerateObject().Sum(g => g.Value.GetInt32()));
        Assert.True(root.GetProperty("simulatedHours").GetDouble() > 20 + 72);
        Assert.True(root.GetProperty("wallSeconds").GetDouble() > 0);
        var ageing = root.GetProperty("ageing");
        Assert.Equal(("demo-ocv-ir", 2.0, 3), (ageing.GetProperty("station").GetString(), ageing.GetProperty("days").GetDouble(), ageing.GetProperty("cellsMeasured").GetInt32()));
        Assert.True(ageing.GetProperty("kMedianMvPerDay").GetDouble() > 0);
        var handoff = root.GetProperty("handoff");
        Assert.Equal("Delivered", handoff.GetProperty("status").GetString());
        Assert.Equal(Path.GetFullPath(db + ".outbox"), handoff.GetProperty("outbox").GetString());
        Assert.All(handoff.GetProperty("files").EnumerateArray(), f => Assert.True(File.Exists(f.GetString()), f.GetString()));
        Assert.Equal(2, Directory.GetFiles(inbox).Length);
        Assert.Equal(3, root.GetProperty("accuracy").GetProperty("goodCells").GetInt32());
        Assert.True(File.Exists(db));
    }

    [Fact]
    public async Task Bad_defect_rates_are_refused_naming_the_option_and_exit_1()
    {
        var (code, _, stderr) = await FcProcess.RunAsync("demo", "--cells", "1", "--defects", "micro-shrot=1%", "--db", Path.Combine(_dir, "x.db"));

        Assert.Equal(1, code);
        Assert.Contains("--defects", stderr);
        Assert.Contains("micro-shrot", stderr);
    }

    [Fact]
    public async Task A_broken_profile_is_refused_with_its_location_and_exit_1()
    {
        string profile = Path.Combine(_dir, "broken.json");
        await File.WriteAllTextAsync(profile, "{\n  \"name\": \"x\",\n  \"version\": 1\n}\n");
        var (code, _, stderr) = await FcProcess.RunAsync("demo", "--cells", "1", "--profile", profile, "--db", Path.Combine(_dir, "x.db"));

        Assert.Equal(1, code);
        Assert.Contains($"{profile}:3:", stderr);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
