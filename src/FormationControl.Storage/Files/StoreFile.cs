using LiteDB;

namespace FormationControl.Storage;

/// <summary>
/// The LiteDB file behind a store: one <see cref="LiteDatabase"/> in direct mode, shared by the writer
/// and by readers. After a failed write LiteDB 5 leaves the instance unusable, so the writer
/// <see cref="Discard"/>s it and the next use opens the file again.
/// </summary>
internal sealed class StoreFile : IDisposable
{
    private readonly StoreLock _lock;
    private readonly ReaderWriterLockSlim _gate = new();
    private LiteDatabase? _database;
    private bool _disposed;

    private StoreFile(string path, StoreLock storeLock, LiteDatabase database)
    {
        Path = path;
        _lock = storeLock;
        _database = database;
    }

    /// <summary>Full path of the data file.</summary>
    public string Path { get; }

    /// <summary>Full path of LiteDB's log file (the write-ahead log, emptied by checkpoints).</summary>
    public string LogPath => System.IO.Path.Combine(
        System.IO.Path.GetDirectoryName(Path)!,
        System.IO.Path.GetFileNameWithoutExtension(Path) + "-log" + System.IO.Path.GetExtension(Path));

    /// <exception cref="StorageException">The file cannot be opened as a store; the message says why.</exception>
    public static StoreFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = FullPath(path);
        if (Directory.Exists(fullPath))
        {
            throw new StorageException($"Cannot open the store '{fullPath}': it is a directory, not a file.", fullPath);
        }

        CreateDirectory(fullPath);
        var storeLock = StoreLock.Acquire(fullPath);
        try
        {
            StoreFileHeader.Check(fullPath);
            var database = OpenDatabase(fullPath);
            try
            {
                StoreSchema.Ensure(database, fullPath);
            }
            catch (Exception e)
            {
                database.Dispose();
                throw e is StorageException ? e : new StorageException($"Cannot open the store '{fullPath}': {e.Message}", fullPath, e);
            }

            return new StoreFile(fullPath, storeLock, database);
        }
        catch
        {
            storeLock.Dispose();
            throw;
        }
    }

    /// <summary>Runs a read on the open database, reopening the file first if a failed write discarded it.</summary>
    /// <exception cref="StorageException">LiteDB failed or the data is unreadable; the message names the file.</exception>
    public T Read<T>(Func<LiteDatabase, T> read)
    {
        while (true)
        {
            _gate.EnterReadLock();
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_database is not null)
                {
                    return read(_database);
                }
            }
            catch (Exception e) when (e is not StorageException and (LiteException or IOException or InvalidDataException or UnauthorizedAccessException))
            {
                throw new StorageException($"Could not read the store '{Path}': {e.Message}", Path, e);
            }
            finally
            {
                _gate.ExitReadLock();
            }

            Reopen();
        }
    }

    /// <summary>The database for the writer thread; reopens the file if it was discarded.</summary>
    public LiteDatabase ForWriting() => Volatile.Read(ref _database) ?? Reopen();

    /// <summary>
    /// Runs a write (a whole transaction, or a checkpoint) with readers held off. LiteDB 5 in direct mode let
    /// a concurrent query read a page the writer was rewriting ("page type must be collection page", seen
    /// under load), so readers and the writer take turns; reads are short and a transaction is one batch.
    /// </summary>
    public void Write(Action<LiteDatabase> write)
    {
        var database = ForWriting();
        _gate.EnterWriteLock();
        try
        {
            write(database);
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    /// <summary>Drops the current instance after a failed write; its errors no longer matter.</summary>
    public void Discard()
    {
        _gate.EnterWriteLock();
        try
        {
            var database = _database;
            _database = null;
            database?.Dispose();
        }
        catch (Exception)
        {
            // LiteDB fails to close an instance whose write failed; what it had committed is in the
            // log file and is recovered when the file is opened again.
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    /// <exception cref="StorageException">LiteDB failed to close the file (committed data stays in its log file).</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        LiteDatabase? database;
        _gate.EnterWriteLock();
        try
        {
            _disposed = true;
            database = _database;
            _database = null;
        }
        finally
        {
            _gate.ExitWriteLock();
        }

        try
        {
            database?.Dispose();
        }
        catch (Exception e) when (e is LiteException or IOException or UnauthorizedAccessException)
        {
            throw new StorageException(
                $"Could not close the store '{Path}' cleanly: {e.Message}. What was committed is in '{LogPath}' and is recovered at the next open.",
                Path,
                e);
        }
        finally
        {
            _lock.Dispose();
            _gate.Dispose();
        }
    }

    private LiteDatabase Reopen()
    {
        _gate.EnterWriteLock();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _database ??= OpenDatabase(Path);
        }
        finally
        {
            _gate.ExitWriteLock();
        }
    }

    private static LiteDatabase OpenDatabase(string fullPath)
    {
        try
        {
            return new LiteDatabase(new ConnectionString { Filename = fullPath, Connection = ConnectionType.Direct });
        }
        catch (Exception e)
        {
            // LiteDB reports a damaged file with whatever failed first (even ArgumentOutOfRangeException).
            throw new StorageException($"Cannot open the store '{fullPath}': {e.Message}", fullPath, e);
        }
    }

    private static string FullPath(string path)
    {
        try
        {
            return System.IO.Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new StorageException($"Cannot open the store '{path}': not a usable file path: {e.Message}", path, e);
        }
    }

    private static void CreateDirectory(string fullPath)
    {
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        try
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"Cannot open the store '{fullPath}': cannot create directory '{directory}': {e.Message}", fullPath, e);
        }
    }
}
