namespace FormationControl.Storage;

/// <summary>
/// The latest checkpoint of a running run: what its controller needs to continue it exactly after a restart.
/// The store keeps one per run (each save replaces the last) and deletes it when the run ends.
/// </summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="SavedAt">When the controller took it.</param>
/// <param name="Content">The controller's own serialised state (JSON); the store does not read it.</param>
public sealed record RunCheckpointRecord(long RunId, DateTimeOffset SavedAt, string Content);
