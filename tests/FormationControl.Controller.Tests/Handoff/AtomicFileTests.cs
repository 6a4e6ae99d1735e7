using FormationControl.Controller.Handoff;

namespace FormationControl.Controller.Tests.Handoff;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Writes_and_replaces_without_leaving_temporary_files()
    {
        string path = Path.Combine(_dir, "out", "a.json");

        await AtomicFile.WriteAsync(path, "first"u8.ToArray(), CancellationToken.None);
        await AtomicFile.WriteAsync(path, "second"u8.ToArray(), CancellationToken.None);

        Assert.Equal("second", await File.ReadAllTextAsync(path));
        Assert.Equal(["a.json"], Directory.GetFiles(Path.Combine(_dir, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_folder_that_cannot_exist_is_an_IOException_naming_the_path()
    {
        string blocker = Path.Combine(_dir, "file");
        await File.WriteAllTextAsync(blocker, "x");
        string path = Path.Combine(blocker, "a.json");

        var error = await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, "x"u8.ToArray(), CancellationToken.None));

        Assert.Contains(path, error.Message);
    }
}
