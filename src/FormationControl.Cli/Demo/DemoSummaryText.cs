namespace FormationControl.Cli.Demo;

/// <summary>The demo's human summary.</summary>
public static class DemoSummaryText
{
    public static void Write(DemoResult r, TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"  cells completed     {r.Completed} / {r.Cells}");
        o.WriteLine($"  grades              {string.Join(", ", r.Grades.Select(g => $"{g.Key} {g.Value}"))}   ({r.RecipeName})");
        if (r.CapacityMeanAh is { } mean)
        {
            string spread = r.CapacityStdDevAh is { } s ? $", σ {s:0.000} Ah ({s / mean * 100:0.00} %)" : "";
            o.WriteLine($"  capacity            {mean:0.000} Ah mean{spread}");
            o.WriteLine($"  vs simulator truth  max |error| {r.MaxCapacityErrorPercent:0.000} %");
        }

        o.WriteLine($"  simulated           {r.SimulatedHours:0.0} h in {r.WallSeconds:0.0} s wall ({r.SimulatedHours / Math.Max(r.WallSeconds, 1e-9):0.0} simulated h/s, {r.PollCycles} poll cycles)");
        o.WriteLine($"  records             {r.DbPath} (lot {r.Lot})");
        foreach (var c in r.CellResults.Where(c => c.Status != "Completed").Take(10))
        {
            o.WriteLine($"  ! {c.CellId} {c.Unit} ch{c.Channel}: {c.Status}: {c.Reason}");
        }
    }
}
