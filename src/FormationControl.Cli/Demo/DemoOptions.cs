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

    /// <summary>
    /// Run on every cell whose formation completed, before ageing, to bring it to its ageing SOC (formation ends empty,
    /// where the OCV curve is too steep and a leak would over-discharge the cell). Null: age the cells as formation left them.
    /// </summary>
    public Profile? StorageProfile { get; init; }

    /// <summary>Rest from the end of the storage charge (or formation) to the first OCV/ACIR session; default 1 day.</summary>
    public TimeSpan FirstSessionAfter { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Time between the first and the second OCV/ACIR session (the K-value's interval); default 7 days. Zero: no ageing.</summary>
    public TimeSpan AgeingDuration { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Virtual time the OCV/IR station takes per cell (switch the multiplexer, settle, read).</summary>
    public TimeSpan MeterTimePerCell { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The outbox the handoff is written into; default <c>&lt;db&gt;.outbox</c> next to the store.</summary>
    public string? OutboxPath { get; init; }

    /// <summary>The packing line's folder the handoff is delivered into; default <c>&lt;db&gt;.handoff</c> next to the store.</summary>
    public string? HandoffPath { get; init; }

    /// <summary>Whether the demo ages the cells (a positive <see cref="AgeingDuration"/>).</summary>
    public bool Ages => AgeingDuration > TimeSpan.Zero;

    /// <summary>The outbox folder in use.</summary>
    public string Outbox => OutboxPath ?? DbPath + ".outbox";

    /// <summary>The handoff (packing line) folder in use.</summary>
    public string Handoff => HandoffPath ?? DbPath + ".handoff";
}
