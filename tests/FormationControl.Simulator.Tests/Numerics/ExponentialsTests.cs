using CsCheck;
using FormationControl.Simulator.Numerics;

namespace FormationControl.Simulator.Tests.Numerics;

public sealed class ExponentialsTests
{
    [Fact]
    public void Integral_of_the_exponential_matches_its_antiderivative_and_is_t_for_zero_rate()
    {
        Assert.Equal(7.5, Exponentials.Integral(0, 7.5));
        Gen.Select(Gen.Double[-2, -1e-3], Gen.Double[0, 100]).Sample((lambda, t) =>
            Math.Abs(Exponentials.Integral(lambda, t) - ((Math.Exp(lambda * t) - 1) / lambda)) < 1e-12 * Math.Max(1, t));
        Assert.Equal(1e-4 * (1 - 0.5e-8), Exponentials.Integral(-1e-4, 1e-4), 1e-19);
    }
}
