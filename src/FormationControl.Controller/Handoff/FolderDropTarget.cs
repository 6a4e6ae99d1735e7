using FormationControl.Storage;

namespace FormationControl.Controller.Handoff;

/// <summary>
/// Drops the handoff files into the packing line's inbox folder, each atomically (hidden temporary file, then
/// rename), CSV first and JSON last. The names carry lot and version, so delivering again replaces the file
/// with identical bytes: still one copy.
/// </summary>
public sealed class FolderDropTarget(string inbox) : IHandoffTarget
{
    /// <summary>The inbox folder.</summary>
    public string Inbox { get; } = inbox ?? throw new ArgumentNullException(nameof(inbox));

    /// <inheritdoc />
    public string Name => "folder:" + Inbox;

    /// <inheritdoc />
    public async Task DeliverAsync(HandoffRecord handoff, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (string file in files.OrderBy(f => f.EndsWith(".json", StringComparison.Ordinal) ? 1 : 0))
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"Cannot read outbox file '{file}' of handoff {handoff?.Key}: {e.Message}", e);
            }

            await AtomicFile.WriteAsync(Path.Combine(Inbox, Path.GetFileName(file)), bytes, cancellationToken).ConfigureAwait(false);
        }
    }
}
