namespace FormationControl.Storage.Tests;

public sealed class StoreLockTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void SecondHolderIsRefusedNamingTheStore()
    {
        var path = _directory.File("locked.db");
        using var first = StoreLock.Acquire(path);

        var error = Assert.Throws<StorageException>(() => StoreLock.Acquire(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains("already open", error.Message, StringComparison.Ordinal);
        Assert.Contains(path + ".lock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReleasedLockCanBeTakenAgain()
    {
        var path = _directory.File("locked.db");
        StoreLock.Acquire(path).Dispose();

        using var again = StoreLock.Acquire(path);
    }
}
