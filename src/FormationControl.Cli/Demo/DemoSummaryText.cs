using System.Globalization;

namespace FormationControl.Cli.Demo;

/// <summary>The demo's human summary.</summary>
public static class DemoSummaryText
{
    public static void Write(DemoResult r, TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(o);
        o.WriteLine();
        o.WriteLine($"  cells completed     {r.Completed} / {r.Cells} formed");
        if (r.Ageing is { } a)
        {
            o.WriteLine($"  ageing              {a.StorageProfile}, then {a.FirstSession} {a.FirstAfterFormationDays:0.##} d later and {a.SecondSession} {a.Days:0.##} d after that at {a.Station} ({a.CellsMeasured} cells)");
            o.WriteLine($"  K-value             median {N(a.KMedianMvPerDay)}, P95 {N(a.KP95MvPerDay)}, max {N(a.KMaxMvPerDay)} mV/day");
        }

        string version = r.LotVersion is { } v ? $", lot grading v{v}" : "";
        o.WriteLine($"  grades              {string.Join(", ", r.Grades.Select(g => $"{g.Key} {g.Value}"))}   ({r.RecipeName}{version})");
        if (r.CapacityMeanAh is { } mean)
        {
            string spread = r.CapacityStdDevAh is { } s ? $", σ {s:0.000} Ah ({s / mean * 100:0.00} %)" : "";
            o.WriteLine($"  capacity            {mean:0.000} Ah mean{spread}");
        }

        if (r.Accuracy is { } x)
        {
            WriteAccuracy(x, o);
        }

        if (r.Handoff is { } h)
        {
            string error = h.LastError is null ? "" : $" ({h.LastError})";
            o.WriteLine($"  handoff             {h.Status}{error}, outbox {h.Outbox}");
            foreach (string file in h.Files)
            {
                o.WriteLine($"                      {file}");
            }
        }

        o.WriteLine($"  simulated           {r.SimulatedHours:0.0} h in {r.WallSeconds:0.0} s wall ({r.PollCycles} poll cycles)");
        o.WriteLine($"  records             {r.DbPath} (lot {r.Lot})");
        foreach (var c in r.CellResults.Where(c => c.Status != "Completed").Take(10))
        {
            o.WriteLine($"  ! {c.CellId} {c.Unit} ch{c.Channel} ({c.Defect}): {c.Status}: {c.Reason}");
        }
    }

    private static void WriteAccuracy(DemoAccuracy x, TextWriter o)
    {
        o.WriteLine($"  vs simulator truth  capacity |error| max {N(x.CapacityMaxErrorPercent)} %, mean {N(x.CapacityMeanErrorPercent)} % (good cells)");
        if (x.AcirMaxErrorPercent is not null || x.KMaxErrorMvPerDay is not null)
        {
            o.WriteLine($"                      ACIR |error| max {N(x.AcirMaxErrorPercent)} %, K |error| max {N(x.KMaxErrorMvPerDay)} mV/day");
        }

        string recall = x.MicroShortRecallPercent is { } p ? $"{p:0.0} %" : "n/a";
        string kRecall = x.MicroShortKRecallPercent is { } k ? $"{k:0.0} %" : "n/a";
        o.WriteLine($"                      micro-shorts rejected {x.MicroShortsCaught} / {x.MicroShorts} ({recall}); by K {x.MicroShortsCaughtByK} / {x.MicroShortsAged} aged ({kRecall})");
        o.WriteLine($"                      false rejects {x.FalseRejects} / {x.GoodCells} good cells ({x.FalseRejectPercent:0.00} %)");
        o.WriteLine($"                      by true class: {string.Join(", ", x.Classes.Select(c => c.Defect == "none" ? $"good {c.Cells} ({c.Rejected} rejected)" : $"{c.Defect} {c.Rejected}/{c.Cells} caught"))}");
    }

    private static string N(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
