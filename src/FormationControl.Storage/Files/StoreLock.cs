namespace FormationControl.Storage;

/// <summary>
/// Keeps a second store (in this or another process) off a file that is open. LiteDB's direct mode
/// does not lock the data file exclusively on Linux, and two writers would corrupt it. The lock is an
/// exclusive open of "&lt;file&gt;.lock", released by the OS when the holder exits; the file is left
/// in place because deleting it could let two openers lock two different files.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _stream;

    private StoreLock(FileStream stream) => _stream = stream;

    public static StoreLock Acquire(string storePath)
    {
        var lockPath = storePath + ".lock";
        try
        {
            return new StoreLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (File.Exists(lockPath))
        {
            throw new StorageException(
                $"Cannot open the store '{storePath}': it is already open in another FormationStore "
                + $"(this or another process holds '{lockPath}'). Close that one first.",
                storePath,
                e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"Cannot open the store '{storePath}': cannot create its lock file '{lockPath}': {e.Message}", storePath, e);
        }
    }

    public void Dispose() => _stream.Dispose();
}
