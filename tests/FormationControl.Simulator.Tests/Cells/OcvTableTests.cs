using CsCheck;
using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Tests.Cells;

public sealed class OcvTableTests
{
    // The NMC table of the domain primer, §5.
    private static readonly (double Soc, double V)[] PrimerNmc =
    [
        (0.00, 3.200), (0.05, 3.447), (0.10, 3.494), (0.20, 3.575), (0.30, 3.625), (0.40, 3.655), (0.50, 3.697),
        (0.60, 3.768), (0.70, 3.854), (0.80, 3.937), (0.90, 4.046), (0.95, 4.104), (1.00, 4.187),
    ];

    [Fact]
    public void Nmc_table_passes_through_the_primer_points()
    {
        foreach (var (soc, v) in PrimerNmc)
        {
            Assert.Equal(v, OcvTable.NmcGraphite.VoltageAt(soc), 12);
        }
    }

    [Fact]
    public void Between_points_the_voltage_is_interpolated_linearly()
    {
        Assert.Equal((3.200 + 3.447) / 2, OcvTable.NmcGraphite.VoltageAt(0.025), 12);
        Assert.Equal(3.655 + (0.25 * (3.697 - 3.655)), OcvTable.NmcGraphite.VoltageAt(0.425), 12);
    }

    [Fact]
    public void Outside_the_table_the_curve_continues_steeply_so_nearby_cutoffs_are_reached()
    {
        var nmc = OcvTable.NmcGraphite;
        Assert.Equal(3.200 - (0.001 * 200), nmc.VoltageAt(-0.001), 12);
        Assert.Equal(4.187 + (0.002 * 200), nmc.VoltageAt(1.002), 12);

        // 3.0 V, the primer's lower limit, lies within 0.1 % SOC below empty.
        Assert.InRange(nmc.StateOfChargeAt(3.0), -0.0011, 0);
    }

    [Fact]
    public void Both_tables_are_strictly_increasing_and_invertible_everywhere()
    {
        foreach (var table in new[] { OcvTable.NmcGraphite, OcvTable.LfpGraphite })
        {
            Gen.Double[-0.2, 1.2].Select(Gen.Double[1e-9, 0.1]).Sample((soc, delta) =>
                table.VoltageAt(soc) < table.VoltageAt(soc + delta)
                && Math.Abs(table.StateOfChargeAt(table.VoltageAt(soc)) - soc) < 1e-9);
        }
    }

    [Fact]
    public void Lfp_table_has_its_narrow_plateau()
    {
        var lfp = OcvTable.LfpGraphite;
        Assert.Equal(3.598, lfp.VoltageAt(1.0), 12);
        Assert.InRange(lfp.VoltageAt(0.98) - lfp.VoltageAt(0.30), 0.070, 0.080);
    }

    [Theory]
    [InlineData(new[] { 0.0, 0.5, 0.4 }, new[] { 3.0, 3.5, 3.6 }, "point 2")]
    [InlineData(new[] { 0.0, 0.5, 1.0 }, new[] { 3.0, 3.5, 3.5 }, "point 2")]
    [InlineData(new[] { 0.0, 0.5 }, new[] { 3.0, 3.5, 3.6 }, "as many voltages")]
    [InlineData(new[] { 0.0, double.NaN }, new[] { 3.0, 3.5 }, "point 1")]
    public void A_table_that_is_not_strictly_increasing_is_refused_naming_the_point(double[] soc, double[] volts, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new OcvTable("test", soc, volts, 10, 10));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("'test'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Continuation_slopes_must_be_positive()
    {
        Assert.Throws<ArgumentException>(() => new OcvTable("test", [0.0, 1.0], [3.0, 4.0], 0, 10));
        Assert.Throws<ArgumentException>(() => new OcvTable("test", [0.0, 1.0], [3.0, 4.0], 10, double.PositiveInfinity));
    }
}
