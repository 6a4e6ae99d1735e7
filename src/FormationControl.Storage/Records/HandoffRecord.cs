namespace FormationControl.Storage;

/// <summary>
/// The handoff of one lot grading to the packing line, keyed by <see cref="Lot"/> and <see cref="LotVersion"/>:
/// recorded <see cref="HandoffStatus.Pending"/> once its files are in the outbox, then delivered.
/// </summary>
/// <param name="Lot">The lot.</param>
/// <param name="LotVersion">The lot grading it hands off.</param>
/// <param name="RecipeHash">Hash of the recipe that graded the lot.</param>
/// <param name="Cells">Rows in the handoff.</param>
/// <param name="Files">File names in the outbox (JSON, CSV).</param>
/// <param name="ContentSha256">SHA-256 of the JSON document, so a re-delivered file can be checked.</param>
/// <param name="CreatedAt">When it was recorded pending.</param>
/// <param name="Status">Pending or delivered.</param>
/// <param name="DeliveredAt">When the target took it.</param>
/// <param name="Target">Which target took it (e.g. "folder:/srv/packing/inbox").</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="LastError">Why the last attempt failed, null after a success.</param>
public sealed record HandoffRecord(
    string Lot,
    int LotVersion,
    string RecipeHash,
    int Cells,
    IReadOnlyList<string> Files,
    string ContentSha256,
    DateTimeOffset CreatedAt,
    HandoffStatus Status,
    DateTimeOffset? DeliveredAt,
    string? Target,
    int Attempts,
    string? LastError)
{
    /// <summary>"lot/version": the key delivery is idempotent on.</summary>
    public string Key => $"{Lot}/{LotVersion}";
}
