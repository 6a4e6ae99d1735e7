using FormationControl.Controller.Configuration;
using FormationControl.Controller.Polling;
using FormationControl.Controller.Recording;
using FormationControl.Storage;

namespace FormationControl.Controller.Hosting;

/// <summary>What an <see cref="IRackStartup"/> gets: the rack, its units' supervisors, the store and the service's journal.</summary>
public sealed record RackStartupContext(
    RackConfig Config,
    IReadOnlyList<UnitSupervisor> Units,
    FormationStore Store,
    StoreJournal Journal,
    TimeProvider Time);
