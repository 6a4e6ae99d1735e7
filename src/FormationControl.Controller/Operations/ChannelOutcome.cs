namespace FormationControl.Controller.Operations;

/// <summary>What an operation did on one channel: accepted, or refused with the reason.</summary>
/// <param name="Channel">Rack channel number (1-based, over all units in configuration order).</param>
/// <param name="Target">"U01/3": unit and its 1-based channel.</param>
/// <param name="Accepted">Carried out.</param>
/// <param name="Detail">What was done, or why not.</param>
/// <param name="RunId">The run concerned, if any.</param>
public sealed record ChannelOutcome(int Channel, string Target, bool Accepted, string Detail, long? RunId);
