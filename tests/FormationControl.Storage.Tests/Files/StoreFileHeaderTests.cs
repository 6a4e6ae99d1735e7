namespace FormationControl.Storage.Tests;

public sealed class StoreFileHeaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void MissingOrEmptyFileMayBecomeAStore()
    {
        var empty = _directory.File("empty.db");
        File.WriteAllBytes(empty, []);

        StoreFileHeader.Check(_directory.File("missing.db"));
        StoreFileHeader.Check(empty);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(20_000)]
    public void FileWithoutLiteDbHeaderIsRefusedAndLeftUntouched(int length)
    {
        var path = _directory.File("notes.db");
        var content = Enumerable.Range(0, length).Select(i => (byte)('a' + (i % 26))).ToArray();
        File.WriteAllBytes(path, content);

        var error = Assert.Throws<StorageException>(() => StoreFileHeader.Check(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a LiteDB 5 database", error.Message, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task FileWrittenByTheStorePasses()
    {
        var path = _directory.File("real.db");
        await using (FormationStore.Open(path, TimeProvider.System))
        {
        }

        StoreFileHeader.Check(path);
    }
}
