namespace FormationControl.Cli.Demo;

/// <summary>The lot's handoff: written into the outbox, then delivered into the packing line's folder.</summary>
/// <param name="Outbox">The outbox folder.</param>
/// <param name="Inbox">The folder the handoff was delivered to.</param>
/// <param name="Files">Full paths of the delivered files (CSV, JSON).</param>
/// <param name="Status">Pending or Delivered, as recorded in the store.</param>
/// <param name="Attempts">Delivery attempts recorded.</param>
/// <param name="LastError">Why the last attempt failed, if it did.</param>
/// <param name="ContentSha256">SHA-256 of the JSON document.</param>
public sealed record DemoHandoffSummary(
    string Outbox, string Inbox, IReadOnlyList<string> Files, string Status, int Attempts, string? LastError, string ContentSha256);
