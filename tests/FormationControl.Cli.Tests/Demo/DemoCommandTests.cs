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
        var (code, stdout, stderr) = await FcProcess.RunAsync("demo", "--cells", "3", "--seed", "11", "--db", db, "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("cells").GetInt32());
        Assert.Equal(3, root.GetProperty("completed").GetInt32());
        Assert.Equal(3, root.GetProperty("grades").EnumerateObject().Sum(g => g.Value.GetInt32()));
        Assert.True(root.GetProperty("simulatedHours").GetDouble() > 20);
        Assert.True(root.GetProperty("wallSeconds").GetDouble() > 0);
        Assert.True(File.Exists(db));
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
