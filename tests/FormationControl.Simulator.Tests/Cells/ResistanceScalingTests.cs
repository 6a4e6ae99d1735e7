using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Tests.Cells;

public sealed class ResistanceScalingTests
{
    private static readonly ResistanceScaling Default = new(CellOptions.Default);

    [Fact]
    public void Arrhenius_makes_resistance_about_1_8_times_higher_at_0_than_at_20_degrees()
    {
        Assert.Equal(1.0, Default.Arrhenius(25), 12);
        Assert.Equal(1.82, Default.Arrhenius(0) / Default.Arrhenius(20), 0.01);
        Assert.True(Default.Arrhenius(45) < 1);
        Assert.Equal(20_000 / 8.314462618 / (298.15 * 298.15), Default.LogSlopePerKelvin(25), 12);
    }

    [Theory]
    [InlineData(0.0, 1.3)]
    [InlineData(1.0, 1.3)]
    [InlineData(-0.01, 1.3)]
    [InlineData(0.1, 1.075)]
    [InlineData(0.5, 1.0)]
    [InlineData(0.2, 1.0)]
    [InlineData(0.9, 1.075)]
    public void Resistance_rises_quadratically_to_1_3_at_the_soc_extremes(double soc, double factor)
    {
        Assert.Equal(factor, Default.SocFactor(soc), 12);
    }

    [Fact]
    public void The_steepest_soc_dependence_bounds_every_local_one()
    {
        for (double soc = 0; soc <= 1; soc += 0.001)
        {
            double h = 1e-6;
            double local = Math.Abs(Math.Log(Default.SocFactor(soc + h)) - Math.Log(Default.SocFactor(soc - h))) / (2 * h);
            Assert.True(local <= Default.MaxLogSlopePerSoc * 1.0001, $"at SOC {soc}: {local} > {Default.MaxLogSlopePerSoc}");
        }
    }

    [Fact]
    public void Constant_resistance_options_switch_both_dependences_off()
    {
        var constant = new ResistanceScaling(CellOptions.ConstantResistance);
        Assert.Equal(1.0, constant.Factor(-20, 0.01));
        Assert.Equal(0, constant.MaxLogSlopePerSoc);
        Assert.False(constant.DependsOnSoc(0.01));
    }
}
