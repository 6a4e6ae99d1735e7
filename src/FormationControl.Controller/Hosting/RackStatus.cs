using FormationControl.Controller.Channels;

namespace FormationControl.Controller.Hosting;

/// <summary>The rack as the last poll cycle left it; immutable, so any thread may read it.</summary>
/// <param name="Rack">The rack's name.</param>
/// <param name="At">Controller time of the cycle (<see cref="DateTimeOffset.MinValue"/> before the first).</param>
/// <param name="Cycles">Poll cycles run so far.</param>
/// <param name="Units">Every unit, in configuration order.</param>
/// <param name="Channels">Every channel, by rack channel number.</param>
public sealed record RackStatus(string Rack, DateTimeOffset At, long Cycles, IReadOnlyList<UnitStatusEntry> Units, IReadOnlyList<ChannelStatusEntry> Channels)
{
    /// <summary>Reads the units and their runs; call it between polls only (runs are single-threaded).</summary>
    internal static RackStatus Capture(string rack, DateTimeOffset at, long cycles, IReadOnlyList<RackUnit> units, IReadOnlyList<bool?> online)
    {
        var unitEntries = new List<UnitStatusEntry>(units.Count);
        var channels = new List<ChannelStatusEntry>();
        for (int u = 0; u < units.Count; u++)
        {
            var unit = units[u];
            var supervisor = unit.Supervisor;
            unitEntries.Add(new UnitStatusEntry(unit.Name, unit.Address, online[u] == true, supervisor.LastError?.Message, supervisor.FailedPolls, unit.WatchdogSet));
            for (int c = 0; c < supervisor.Driver.ChannelCount; c++)
            {
                var run = supervisor.Runs.GetValueOrDefault(c);
                var read = supervisor.LastSnapshot?.Channels[c];
                var step = run is null || run.StepIndex >= run.Profile.Steps.Count ? null : run.Profile.Steps[run.StepIndex];
                channels.Add(new ChannelStatusEntry(
                    channels.Count + 1, unit.Name, c + 1, run?.State.ToString() ?? "Idle", read?.State.ToString(), run?.CellId, run?.RunId,
                    run is null ? null : $"{run.Profile.Name} {run.Profile.Version}", run is null ? null : run.StepIndex + 1, step?.Label,
                    read?.VoltageV, read?.CurrentA, read?.TemperatureC, run?.Reason));
            }
        }

        return new RackStatus(rack, at, cycles, unitEntries, channels);
    }

    /// <summary>True when no channel has a run that can still change by itself.</summary>
    public bool AllFinished => Channels.All(c => c.RunId is null || c.State is nameof(ChannelState.Completed) or nameof(ChannelState.Aborted) or nameof(ChannelState.Faulted) or nameof(ChannelState.Acknowledged));
}
