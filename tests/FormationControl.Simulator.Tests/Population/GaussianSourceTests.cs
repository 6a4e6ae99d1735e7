using FormationControl.Simulator.Population;

namespace FormationControl.Simulator.Tests.Population;

public sealed class GaussianSourceTests
{
    [Fact]
    public void Draws_standard_normals()
    {
        var source = new GaussianSource(11);
        const int n = 200_000;
        double sum = 0, squares = 0, beyondTwo = 0;
        for (int i = 0; i < n; i++)
        {
            double z = source.Next();
            sum += z;
            squares += z * z;
            beyondTwo += Math.Abs(z) > 2 ? 1 : 0;
        }

        double mean = sum / n;
        double variance = (squares / n) - (mean * mean);
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
        Assert.InRange(beyondTwo / n, 0.0435, 0.0475); // 4.55 % for a normal distribution
    }

    [Fact]
    public void The_same_seed_gives_the_same_sequence_and_another_seed_another()
    {
        var a = new GaussianSource(5);
        var b = new GaussianSource(5);
        var c = new GaussianSource(6);
        var first = Enumerable.Range(0, 101).Select(_ => a.Next()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 101).Select(_ => b.Next()).ToArray());
        Assert.NotEqual(first, Enumerable.Range(0, 101).Select(_ => c.Next()).ToArray());
    }
}
