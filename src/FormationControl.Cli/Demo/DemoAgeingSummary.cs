namespace FormationControl.Cli.Demo;

/// <summary>What the demo's ageing did: storage charge, the two sessions at the OCV/IR station, the K-values.</summary>
/// <param name="StorageProfile">The storage-charge profile run after formation ("-" when none).</param>
/// <param name="Station">The station name stored with each measurement.</param>
/// <param name="FirstSession">Name of the first session (K's OCV₁).</param>
/// <param name="SecondSession">Name of the second session (K's OCV₂).</param>
/// <param name="FirstAfterFormationDays">Rest from the end of the storage charge to the first session, in days.</param>
/// <param name="Days">Time between the two sessions, in days.</param>
/// <param name="CellsMeasured">Cells measured in each session (those whose formation completed).</param>
/// <param name="KMedianMvPerDay">Median K over the measured cells.</param>
/// <param name="KP95MvPerDay">95th percentile of K.</param>
/// <param name="KMaxMvPerDay">Largest K.</param>
public sealed record DemoAgeingSummary(
    string StorageProfile,
    string Station,
    string FirstSession,
    string SecondSession,
    double FirstAfterFormationDays,
    double Days,
    int CellsMeasured,
    double? KMedianMvPerDay,
    double? KP95MvPerDay,
    double? KMaxMvPerDay);
