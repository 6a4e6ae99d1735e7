namespace FormationControl.Storage;

/// <summary>
/// The store file could not be opened, read or written. The message names the file; for a failed
/// write it also says what was kept for retry.
/// </summary>
public sealed class StorageException : IOException
{
    public StorageException(string message, string filePath, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>Full path of the store file concerned.</summary>
    public string FilePath { get; }
}
