using FormationControl.Simulator.Cells;
using FormationControl.Simulator.Population;

namespace FormationControl.Simulator.Tests.Population;

public sealed class DefectRatesTests
{
    [Fact]
    public void Parses_fractions_and_percentages_by_class_name()
    {
        Assert.True(DefectRates.TryParse("micro-short=0.5%, dead=0.001,poor-contact=0.2%,high-resistance=0.01", out var rates, out string error), error);
        Assert.Equal(0.005, rates.MicroShort, 12);
        Assert.Equal(0.001, rates.Dead, 12);
        Assert.Equal(0.002, rates.PoorContact, 12);
        Assert.Equal(0.01, rates.HighResistance, 12);
        Assert.True(DefectRates.TryParse("none", out var none, out _));
        Assert.Equal(0, none.Total);
    }

    [Theory]
    [InlineData("micro-short", "not name=rate")]
    [InlineData("short=0.1", "unknown class 'short'")]
    [InlineData("dead=2", "fraction from 0 to 1")]
    [InlineData("dead=0.6,micro-short=0.6", "exceed 1")]
    public void Bad_text_is_refused_naming_the_part(string text, string expected)
    {
        Assert.False(DefectRates.TryParse(text, out _, out string error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rates_are_laid_end_to_end_over_a_uniform_draw()
    {
        var rates = new DefectRates { MicroShort = 0.1, HighResistance = 0.1, Dead = 0.1, PoorContact = 0.1 };
        Assert.Equal(CellDefect.MicroShort, rates.ClassFor(0.05));
        Assert.Equal(CellDefect.HighResistance, rates.ClassFor(0.15));
        Assert.Equal(CellDefect.Dead, rates.ClassFor(0.25));
        Assert.Equal(CellDefect.PoorContact, rates.ClassFor(0.35));
        Assert.Equal(CellDefect.None, rates.ClassFor(0.45));
    }
}
