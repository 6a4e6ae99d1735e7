using FormationControl.Controller.Grading;

namespace FormationControl.Controller.Tests.Grading;

public sealed class ModuleMatcherTests
{
    private static List<MatchCell> RandomCells(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => new MatchCell($"C{i:D4}", 100 + (random.NextDouble() * 3), 0.0006 + (random.NextDouble() * 0.0003)))];
    }

    [Fact]
    public void Every_cell_is_in_exactly_one_module_or_left_over()
    {
        var cells = RandomCells(100, 1);

        var (modules, leftover) = ModuleMatcher.Match(cells, series: 4, parallel: 3);

        Assert.Equal(8, modules.Count);
        Assert.All(modules, m => Assert.Equal(12, m.Cells.Count));
        Assert.Equal(4, leftover.Count);
        Assert.Equal(cells.Select(c => c.CellId).Order(StringComparer.Ordinal), modules.SelectMany(m => m.Cells).Concat(leftover).Select(c => c.CellId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Beats_consecutive_grouping_on_capacity_and_resistance_spread()
    {
        var cells = RandomCells(240, 7);

        var (matched, _) = ModuleMatcher.Match(cells, series: 6, parallel: 2);
        var naive = ModuleMatcher.Consecutive(cells, series: 6, parallel: 2);

        Assert.True(ModuleMatcher.Cost(matched, cells) < ModuleMatcher.Cost(naive, cells) / 2, $"matched {ModuleMatcher.Cost(matched, cells)} vs naive {ModuleMatcher.Cost(naive, cells)}");
        Assert.True(matched.Max(m => m.CapacitySpreadAh) < naive.Average(m => m.CapacitySpreadAh));
        Assert.True(matched.Average(m => m.ResistanceSpreadOhm) < naive.Average(m => m.ResistanceSpreadOhm));
    }

    [Fact]
    public void Swaps_improve_on_sorting_by_capacity_alone()
    {
        var cells = RandomCells(120, 3);
        var byCapacity = ModuleMatcher.Consecutive([.. cells.OrderBy(c => c.CapacityAh)], 4, 3);

        var (matched, _) = ModuleMatcher.Match(cells, 4, 3);

        Assert.True(ModuleMatcher.Cost(matched, cells) < ModuleMatcher.Cost(byCapacity, cells));
    }
}
