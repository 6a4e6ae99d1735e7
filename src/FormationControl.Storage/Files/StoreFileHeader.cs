namespace FormationControl.Storage;

/// <summary>
/// Refuses files that are not LiteDB 5 data files before LiteDB touches them: LiteDB would otherwise
/// fail with an unrelated error, or take a short file for a new database and overwrite it.
/// </summary>
internal static class StoreFileHeader
{
    // A LiteDB 5 file begins with an 8 KiB header page carrying this text at byte 32, then the file format version.
    private const int PageSize = 8192;
    private const int SignatureOffset = 32;
    private const byte FileFormatVersion = 8;

    private static ReadOnlySpan<byte> Signature => "** This is a LiteDB file **"u8;

    /// <exception cref="StorageException">The file exists, is not empty and is not a LiteDB 5 file, or cannot be read.</exception>
    public static void Check(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        Span<byte> header = stackalloc byte[SignatureOffset + Signature.Length + 1];
        long length;
        int read;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            length = stream.Length;
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StorageException($"Cannot open the store '{path}': {e.Message}", path, e);
        }

        // LiteDB turns an empty file into a new database; that is safe, nothing is overwritten.
        if (length == 0)
        {
            return;
        }

        var isLiteDb = length >= PageSize
            && read == header.Length
            && header.Slice(SignatureOffset, Signature.Length).SequenceEqual(Signature)
            && header[^1] == FileFormatVersion;
        if (!isLiteDb)
        {
            throw new StorageException(
                $"Cannot open the store '{path}': the file is not a LiteDB 5 database (no LiteDB header). "
                + "It was left untouched; choose another path or move the file away.",
                path);
        }
    }
}
