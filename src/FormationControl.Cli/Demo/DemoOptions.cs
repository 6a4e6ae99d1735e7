using FormationControl.Core.Grading;
using FormationControl.Core.Profiles;
using FormationControl.Devices.RegisterMaps;
using FormationControl.Simulator.Population;

namespace FormationControl.Cli.Demo;

/// <summary>What a demo run forms, with what, and where it records.</summary>
/// <param name="Recipe">Grades the cells when given; a dry run has none.</param>
public sealed record DemoOptions(Profile Profile, GradingRecipe? Recipe, RegisterMap Map, string DbPath)
{
    /// <summary>Cells to form, one per channel.</summary>
    public int Cells { get; init; } = 64;

    /// <summary>Seed of the simulated cell population (capacities, resistances).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Channels per simulated unit; units are added until every cell has a channel.</summary>
    public int ChannelsPerUnit { get; init; } = 64;

    /// <summary>Virtual time between polls. Device-side cut-offs are exact whatever this is; it bounds how late software reacts.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The simulated cells' model (chemistry, spreads); the default is the NMC population.</summary>
    public PopulationOptions? Population { get; init; }

    /// <summary>The device watchdog period the controller sets; the heartbeat is refreshed every poll.</summary>
    public TimeSpan WatchdogPeriod { get; init; } = TimeSpan.FromSeconds(60);
}
