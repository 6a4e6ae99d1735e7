using FormationControl.Core.Json;
using FormationControl.Core.Quantities;

namespace FormationControl.Core.Profiles.Reading;

/// <summary>
/// Checks the flow of a fully read profile: no goto into a loop from outside, every until-loop can meet its
/// condition, and from every step that can be reached the profile can still complete, i.e. no cycle of steps and
/// gotos that only a fault can leave (<see cref="ProfileFlowGraph"/>).
/// </summary>
internal static class ProfileFlowCheck
{
    public static void Check(IReadOnlyList<ProfileStep> steps, IReadOnlyList<StepSource> sources, CellSpec? cell, SafetyLimits? safety, DiagnosticList diagnostics)
    {
        var labels = steps.Where(s => s.Label is not null).ToDictionary(s => s.Label!, s => s.Index, StringComparer.Ordinal);
        int before = diagnostics.Count;
        CheckGotosIntoLoops(steps, sources, labels, diagnostics);
        foreach (var loop in steps.Where(s => s.Type == StepType.Loop))
        {
            CheckUntilReachable(steps, loop, sources[loop.Index], cell, safety, diagnostics);
        }

        // A flow that is already wrong would only produce echoes of the problems above.
        if (diagnostics.Count == before)
        {
            CheckEveryStepCanComplete(steps, sources, labels, diagnostics);
        }
    }

    private static void CheckGotosIntoLoops(IReadOnlyList<ProfileStep> steps, IReadOnlyList<StepSource> sources, Dictionary<string, int> labels, DiagnosticList diagnostics)
    {
        var loops = steps.Where(s => s.Type == StepType.Loop).ToList();
        foreach (var step in steps)
        {
            for (int i = 0; i < step.Limits.Count; i++)
            {
                if (step.Limits[i].GotoLabel is not { } label || !labels.TryGetValue(label, out int target))
                {
                    continue;
                }

                var entered = loops.FirstOrDefault(l => l.Loop!.BodyContains(target) && !l.Loop.BodyContains(step.Index));
                if (entered is not null)
                {
                    string instead = entered.Label is null ? "give the loop a label and go to it" : $"go to the loop itself ('{entered.Label}')";
                    diagnostics.Report(GotoNode(sources[step.Index].LimitNodes[i]), $"goto '{label}' jumps into loop {entered.DisplayName} from outside it; {instead}, so that its passes are counted from the start");
                }
            }
        }
    }

    private static JsonSourceNode GotoNode(JsonSourceNode limit) =>
        limit is JsonSourceObject o && o.TryGetValue("goto", out var node) ? node : limit;

    private static void CheckUntilReachable(IReadOnlyList<ProfileStep> steps, ProfileStep loop, StepSource source, CellSpec? cell, SafetyLimits? safety, DiagnosticList diagnostics)
    {
        var spec = loop.Loop!;
        if (spec.Until is not { } until || spec.Count is not null || cell is null || safety is null)
        {
            return;
        }

        var body = steps.Skip(spec.StartIndex + 1).Take(spec.EndIndex - spec.StartIndex - 1).Where(s => !s.IsControl).ToList();
        string? problem = until.Kind switch
        {
            LimitKind.VoltageAtMost => LowestVoltage(body, cell) is not { } low ? "no step in its body discharges"
                : low > until.Value ? $"no step in its body takes the cell below {QuantityText.Volts(low)}"
                : until.Value <= safety.MinVoltageV ? $"safety.minVoltage ({QuantityText.Volts(safety.MinVoltageV)}) faults the channel first"
                : null,
            LimitKind.VoltageAtLeast => HighestVoltage(body, cell) is not { } high ? "no step in its body charges"
                : high < until.Value ? $"no step in its body takes the cell above {QuantityText.Volts(high)}"
                : until.Value >= safety.MaxVoltageV ? $"safety.maxVoltage ({QuantityText.Volts(safety.MaxVoltageV)}) faults the channel first"
                : null,
            LimitKind.TemperatureAtLeast => !body.Any(s => StepTypeRule.For(s.Type)?.DrivesCurrent == true) ? "no step in its body drives a current that could warm the cell"
                : until.Value >= safety.MaxTemperatureC ? $"safety.maxTemperature ({QuantityText.Celsius(safety.MaxTemperatureC)}) faults the channel first"
                : null,
            _ => null,
        };

        if (problem is not null)
        {
            var node = source.UntilNode ?? source.Node;
            diagnostics.Report(node, $"loop {loop.DisplayName} has no exit: it repeats until {Describe(until)}, but {problem}; fix the condition or add a 'count'");
        }
    }

    // The lowest voltage a discharging step of the body can reach: where the first of its cut-offs stops it.
    private static double? LowestVoltage(List<ProfileStep> body, CellSpec cell)
    {
        var lows = body.Select(s => s.Type switch
        {
            StepType.DischargeCccv => s.VoltageV,
            StepType.DischargeCc or StepType.DischargeCp or StepType.DischargeCr => CutOff(s, LimitKind.VoltageAtMost, Enumerable.Max) ?? cell.MinVoltageV,
            StepType.Cv => s.VoltageV,
            StepType.Pulse when s.PulseLevels!.Any(l => l.CurrentA < 0) => cell.MinVoltageV,
            _ => null,
        }).OfType<double>().ToList();
        return lows.Count == 0 ? null : lows.Min();
    }

    private static double? HighestVoltage(List<ProfileStep> body, CellSpec cell)
    {
        var highs = body.Select(s => s.Type switch
        {
            StepType.ChargeCccv or StepType.Cv => s.VoltageV,
            StepType.ChargeCc or StepType.ChargeCp => CutOff(s, LimitKind.VoltageAtLeast, Enumerable.Min) ?? cell.MaxVoltageV,
            StepType.Pulse when s.PulseLevels!.Any(l => l.CurrentA > 0) => cell.MaxVoltageV,
            _ => null,
        }).OfType<double>().ToList();
        return highs.Count == 0 ? null : highs.Max();
    }

    private static double? CutOff(ProfileStep step, LimitKind kind, Func<IEnumerable<double>, double> pick)
    {
        var values = step.Limits.Where(l => l.Kind == kind).Select(l => l.Value).ToList();
        return values.Count == 0 ? null : pick(values);
    }

    private static string Describe(LoopCondition until) => until.Kind switch
    {
        LimitKind.VoltageAtLeast => $"voltage >= {QuantityText.Volts(until.Value)}",
        LimitKind.VoltageAtMost => $"voltage <= {QuantityText.Volts(until.Value)}",
        LimitKind.TemperatureAtLeast => $"temperature >= {QuantityText.Celsius(until.Value)}",
        _ => $"temperature <= {QuantityText.Celsius(until.Value)}",
    };

    private static void CheckEveryStepCanComplete(IReadOnlyList<ProfileStep> steps, IReadOnlyList<StepSource> sources, Dictionary<string, int> labels, DiagnosticList diagnostics)
    {
        var graph = new ProfileFlowGraph(steps, labels);
        foreach (int entry in graph.StuckEntries())
        {
            var cycle = graph.CycleFrom(entry)?.SkipLast(1).Where(i => !steps[i].IsControl).ToList();
            if (cycle is { Count: > 0 })
            {
                cycle.Add(cycle[0]);
            }
            else
            {
                cycle = null;
            }

            string message = cycle is null
                ? $"step {steps[entry].DisplayName} can never complete: every way on from it ends in a fault; give it a limit that goes on (\"then\": \"next\", a goto) or ends the profile (\"then\": \"end\")"
                : $"steps {string.Join(" -> ", cycle.Select(i => steps[i].DisplayName))} repeat forever: only a fault leads out of them; add a limit with \"then\": \"end\" or a goto out of them, or repeat them in a loop with a 'count'";
            diagnostics.Report(sources[cycle?[0] ?? entry].Node, message);
        }
    }
}
