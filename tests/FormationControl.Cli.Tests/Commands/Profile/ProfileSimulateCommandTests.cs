using FormationControl.Cli.Tests.Support;

namespace FormationControl.Cli.Tests.Commands.Profile;

public sealed class ProfileSimulateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-simulate-").FullName;

    [Fact]
    public async Task Prints_the_step_table_and_writes_a_png()
    {
        string png = Path.Combine(_dir, "curve.png");
        string profile = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "profiles", "nmc-100ah-hppc.json");
        var (code, stdout, stderr) = await FcProcess.RunAsync("profile", "simulate", profile, "--plot", png, "--poll", "10");

        Assert.True(code == 0, stderr);
        Assert.Contains("step-down", stdout);
        Assert.Contains("DCIR", stdout);
        Assert.Contains("Completed", stdout);
        byte[] head = (await File.ReadAllBytesAsync(png))[..8];
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, head);
    }

    [Fact]
    public async Task A_broken_profile_exits_1_with_its_location()
    {
        string broken = Path.Combine(_dir, "broken.json");
        await File.WriteAllTextAsync(broken, "{ \"name\": \"x\", \"version\": \"1\", \"steps\": [ \"Charge at 1C untill 4.2 V\" ] }");
        var (code, _, stderr) = await FcProcess.RunAsync("profile", "simulate", broken);

        Assert.Equal(1, code);
        Assert.Contains(broken + ":1:", stderr);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
