namespace FormationControl.Storage;

/// <summary>One operator action, accepted or refused: who did what to which channel, when, and what came of it.</summary>
/// <param name="Id">Assigned by the store; ignored when recording.</param>
/// <param name="Time">When the action was taken.</param>
/// <param name="Operator">Who took it (as they identified themselves).</param>
/// <param name="Role">Their role ("technician", "engineer").</param>
/// <param name="Action">"start", "pause", "resume", "stop", "jump", "acknowledge", "release".</param>
/// <param name="Target">What it applied to: a channel ("U01/3"), a profile file.</param>
/// <param name="RunId">The run concerned, if any.</param>
/// <param name="Accepted">Whether the action was carried out.</param>
/// <param name="Detail">The reason for a refusal, or what was done.</param>
public sealed record AuditRecord(
    long Id,
    DateTimeOffset Time,
    string Operator,
    string Role,
    string Action,
    string Target,
    long? RunId,
    bool Accepted,
    string Detail);
