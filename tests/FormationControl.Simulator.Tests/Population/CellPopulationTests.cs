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

        var (r2Mean, r2Sigma) = Stats(truths.Select(t => t.R2Ohm / (0.30e-3 * scale)));
        Assert.InRange(r2Mean, 1 - (4 * 0.04 / Math.Sqrt(n)), 1 + (4 * 0.04 / Math.Sqrt(n)));
        Assert.InRange(r2Sigma, 0.04 * 0.9, 0.04 * 1.1);
        Assert.All(truths, t => Assert.Equal(400, t.Tau2S));

        // Self-discharge is log-normal around 0.03 %/day of the capacity, with σ(ln) = 0.5.
        var (lnMean, lnSigma) = Stats(truths.Select(t => Math.Log(t.SelfDischargeA * 24 / t.CapacityAh)));
        Assert.InRange(lnMean, Math.Log(0.0003) - (4 * 0.5 / Math.Sqrt(n)), Math.Log(0.0003) + (4 * 0.5 / Math.Sqrt(n)));
        Assert.InRange(lnSigma, 0.5 * 0.9, 0.5 * 1.1);
        Assert.All(truths, t => Assert.Equal(CellDefect.None, t.Defect));

        // R0 and R1 are drawn independently.
        Assert.InRange(Correlation(truths.Select(t => t.R0Ohm).ToArray(), truths.Select(t => t.R1Ohm).ToArray()), -0.1, 0.1);
    }

    [Fact]
    public void Defects_occur_at_their_rates_with_their_signatures()
    {
        const int n = 20_000;
        var rates = new DefectRates { MicroShort = 0.02, HighResistance = 0.03, Dead = 0.01, PoorContact = 0.04 };
        var truths = new CellPopulation(n, 100, seed: 9, new PopulationOptions { Defects = rates }).Cells.Select(c => c.Truth).ToList();
        foreach (var (defect, rate) in new[] { (CellDefect.MicroShort, 0.02), (CellDefect.HighResistance, 0.03), (CellDefect.Dead, 0.01), (CellDefect.PoorContact, 0.04) })
        {
            int count = truths.Count(t => t.Defect == defect);
            double sigma = Math.Sqrt(n * rate * (1 - rate));
            Assert.InRange(count, (n * rate) - (4 * sigma), (n * rate) + (4 * sigma));
        }

        double medianLeak = 100 * 1.01 * 0.0003 / 24;
        Assert.All(truths.Where(t => t.Defect == CellDefect.MicroShort), t => Assert.InRange(t.SelfDischargeA, medianLeak * 19, medianLeak * 210));
        Assert.All(truths.Where(t => t.Defect == CellDefect.HighResistance), t => Assert.InRange(t.R0Ohm, 0.45e-3 * 1.5 * 0.8, 0.45e-3 * 3 * 1.2));
        Assert.All(truths.Where(t => t.Defect == CellDefect.PoorContact), t => Assert.InRange(t.ContactResistanceOhm, 0.45e-3 * 3, 0.45e-3 * 10));
        Assert.All(truths.Where(t => t.Defect != CellDefect.PoorContact), t => Assert.Equal(0, t.ContactResistanceOhm));
        Assert.All(truths.Where(t => t.Defect == CellDefect.Dead), t => Assert.True(t.IsOpenCircuit));
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
