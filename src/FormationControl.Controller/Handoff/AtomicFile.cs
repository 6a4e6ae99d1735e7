namespace FormationControl.Controller.Handoff;

/// <summary>
/// Writes a file so that a reader sees either nothing or all of it: the bytes go to a hidden temporary file in the
/// same folder (same file system, so the rename is atomic), are flushed to disk, then renamed over the final name.
/// </summary>
public static class AtomicFile
{
    /// <summary>Temporary files start with this prefix; readers skip names that start with '.'.</summary>
    public const string TemporaryPrefix = ".tmp-";

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically, replacing any file there.</summary>
    /// <exception cref="IOException">The folder or file cannot be written; the message names the path.</exception>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temporary = Path.Combine(folder, $"{TemporaryPrefix}{Guid.NewGuid():N}-{Path.GetFileName(path)}");
        try
        {
            Directory.CreateDirectory(folder);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true); // the rename must not publish a file whose bytes are still in the cache
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new IOException($"Cannot write '{path}': {e.Message}", e);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a stray hidden temporary file is harmless, readers skip it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
