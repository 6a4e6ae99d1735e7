using System.Diagnostics.CodeAnalysis;

namespace FormationControl.Core.Profiles;

/// <summary>
/// A validated formation/test profile with every value resolved to SI-ish units (C-rates turned into amps).
/// <see cref="Hash"/> is the lowercase hex SHA-256 of <see cref="ProfileHash.CanonicalText"/>: two files that
/// resolve to the same profile have the same hash, whatever their layout, key order or unit spelling.
/// </summary>
public sealed record Profile(
    string Name,
    string Version,
    string Hash,
    CellSpec Cell,
    SafetyLimits Safety,
    LoggingCriteria Logging,
    IReadOnlyList<ProfileStep> Steps)
{
    /// <summary>The index of the step labelled <paramref name="label"/> (labels are unique and case-sensitive).</summary>
    public bool TryGetStepIndex(string label, out int index)
    {
        for (index = 0; index < Steps.Count; index++)
        {
            if (Steps[index].Label == label)
            {
                return true;
            }
        }

        index = -1;
        return false;
    }

    /// <summary>The step labelled <paramref name="label"/>.</summary>
    public bool TryGetStep(string label, [NotNullWhen(true)] out ProfileStep? step)
    {
        step = TryGetStepIndex(label, out int index) ? Steps[index] : null;
        return step is not null;
    }
}
