namespace FormationControl.Storage.Tests;

public sealed class StoreFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void MissingDirectoriesAreCreated()
    {
        var path = Path.Combine(_directory.Path, "plant", "line-3", "formation.db");

        using (var file = StoreFile.Open(path))
        {
            Assert.Equal(path, file.Path);
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public void RelativePathBecomesFull()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, _directory.File("relative.db"));

        using var file = StoreFile.Open(relative);

        Assert.Equal(_directory.File("relative.db"), file.Path);
    }

    [Fact]
    public void DirectoryIsNotAStore()
    {
        var error = Assert.Throws<StorageException>(() => StoreFile.Open(_directory.Path));

        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
        Assert.Equal(_directory.Path, error.FilePath);
    }

    [Fact]
    public void OpenFileCannotBeOpenedTwice()
    {
        var path = _directory.File("twice.db");
        using var first = StoreFile.Open(path);

        var error = Assert.Throws<StorageException>(() => StoreFile.Open(path));

        Assert.Contains("already open", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClosedFileCanBeOpenedAgain()
    {
        var path = _directory.File("again.db");
        StoreFile.Open(path).Dispose();

        using var again = StoreFile.Open(path);
    }

    [Fact]
    public void RefusedFileReleasesItsLock()
    {
        var path = _directory.File("junk.db");
        File.WriteAllText(path, "not a database");
        Assert.Throws<StorageException>(() => StoreFile.Open(path));
        File.Delete(path);

        using var file = StoreFile.Open(path);
    }

    [Fact]
    public void DiscardedDatabaseIsReopenedForReadsAndWrites()
    {
        using var file = StoreFile.Open(_directory.File("discard.db"));
        var first = file.ForWriting();

        file.Discard();

        Assert.Equal(0, file.Read(database => database.GetCollection(StoreCollections.RunsName).Count()));
        Assert.NotSame(first, file.ForWriting());
    }

    [Fact]
    public void LogPathSitsNextToTheDataFile()
    {
        using var file = StoreFile.Open(_directory.File("cells.db"));

        Assert.Equal(_directory.File("cells-log.db"), file.LogPath);
    }

    [Fact]
    public void ReadAfterDisposeIsRefused()
    {
        var file = StoreFile.Open(_directory.File("gone.db"));
        file.Dispose();

        Assert.ThrowsAny<ObjectDisposedException>(() => file.Read(database => 0));
    }
}
