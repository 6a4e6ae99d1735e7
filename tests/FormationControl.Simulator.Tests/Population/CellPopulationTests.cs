using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Population;

namespace FormationControl.Simulator.Tests.Population;

public sealed class CellPopulationTests
{
    [Fact]
    public void The_same_seed_gives_the_same_cells()
    {
        var a = new CellPopulation(500, 100, seed: 42).Cells.Select(c => c.Truth).ToList();
        var b = new CellPopulation(500, 100, seed: 42).Cells.Select(c => c.Truth).ToList();
        var other = new CellPopulation(500, 100, seed: 43).Cells.Select(c => c.Truth).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.Equal(Enumerable.Range(0, 500), a.Select(t => t.Index));
    }

    [Fact]
    public void A_larger_population_starts_with_the_same_cells()
    {
        var small = new CellPopulation(10, 100, seed: 3).Cells.Select(c => c.Truth);
        var large = new CellPopulation(1000, 100, seed: 3).Cells.Take(10).Select(c => c.Truth);
        Assert.Equal(small, large);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(280)]
    public void Spread_follows_the_production_statistics(double nominal)
    {
        const int n = 2000;
        var truths = new CellPopulation(n, nominal, seed: 2024).Cells.Select(c => c.Truth).ToList();
        double scale = 100 / nominal;

        var (capacityMean, capacitySigma) = Stats(truths.Select(t => t.CapacityAh / nominal));
        var (r0Mean, r0Sigma) = Stats(truths.Select(t => t.R0Ohm / (0.45e-3 * scale)));
        var (r1Mean, r1Sigma) = Stats(truths.Select(t => t.R1Ohm / (0.68e-3 * scale)));

        // Means within 4 standard errors, standard deviations within 10 % (≈ 4.5 standard errors for n = 2000).
        Assert.InRange(capacityMean, 1.01 - (4 * 0.007 / Math.Sqrt(n)), 1.01 + (4 * 0.007 / Math.Sqrt(n)));
        Assert.InRange(capacitySigma, 0.007 * 0.9, 0.007 * 1.1);
        Assert.InRange(r0Mean, 1 - (4 * 0.04 / Math.Sqrt(n)), 1 + (4 * 0.04 / Math.Sqrt(n)));
        Assert.InRange(r0Sigma, 0.04 * 0.9, 0.04 * 1.1);
        Assert.InRange(r1Mean, 1 - (4 * 0.04 / Math.Sqrt(n)), 1 + (4 * 0.04 / Math.Sqrt(n)));
        Assert.InRange(r1Sigma, 0.04 * 0.9, 0.04 * 1.1);
        Assert.All(truths, t => Assert.Equal(30, t.Tau1S));

        // R0 and R1 are drawn independently.
        Assert.InRange(Correlation(truths.Select(t => t.R0Ohm).ToArray(), truths.Select(t => t.R1Ohm).ToArray()), -0.1, 0.1);
    }

    [Fact]
    public void Cells_start_fresh_with_the_chosen_chemistry_and_options()
    {
        var options = new PopulationOptions { Ocv = OcvTable.LfpGraphite, Cell = new CellOptions { InitialStateOfCharge = 0.3 } };
        var population = new CellPopulation(3, 280, seed: 1, options);
        Assert.All(population.Cells, c => Assert.Same(OcvTable.LfpGraphite, c.Ocv));
        Assert.All(population.Cells, c => Assert.Equal(0.3, c.Soc));
        Assert.Equal(280, population.NominalCapacityAh);
        Assert.Equal(1, population.Seed);
    }

    [Fact]
    public void A_slice_hands_out_a_contiguous_run_of_the_same_cells()
    {
        var population = new CellPopulation(10, 100, seed: 1);
        var slice = population.Slice(4, 3);
        Assert.Equal([4, 5, 6], slice.Select(c => c.Truth.Index));
        Assert.Same(population.Cells[4], slice[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => population.Slice(8, 3));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CellPopulation(0, 100, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CellPopulation(10, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CellPopulation(10, double.NaN, 1));
    }

    private static (double Mean, double Sigma) Stats(IEnumerable<double> values)
    {
        var list = values.ToList();
        double mean = list.Average();
        double sigma = Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1));
        return (mean, sigma);
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        double sxx = x.Sum(a => (a - mx) * (a - mx));
        double syy = y.Sum(b => (b - my) * (b - my));
        return sxy / Math.Sqrt(sxx * syy);
    }
}
