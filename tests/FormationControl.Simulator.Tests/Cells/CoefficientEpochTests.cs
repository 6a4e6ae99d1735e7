using FormationControl.Simulator.Cells;

namespace FormationControl.Simulator.Tests.Cells;

public sealed class CoefficientEpochTests
{
    private static SimulatedCell Cell(double soc, CellOptions? options = null) =>
        new(new CellTruth(0, 100, 0.45e-3, 0.68e-3, 30, 0.3e-3, 400), OcvTable.NmcGraphite, (options ?? CellOptions.Default) with { InitialStateOfCharge = soc, SeiBudgetFraction = 0 });

    [Fact]
    public void A_settled_resting_cell_keeps_its_coefficients_for_the_longest_epoch()
    {
        var (length, midT, midSoc) = CoefficientEpoch.Plan(Cell(0.5), 0, 1, 25, 0, double.PositiveInfinity);
        Assert.Equal(CoefficientEpoch.MaxLengthS, length);
        Assert.Equal(25, midT, 12);
        Assert.Equal(0.5, midSoc, 12);
    }

    [Fact]
    public void In_a_soc_band_the_epoch_lasts_until_resistance_may_have_moved_by_the_allowed_fraction()
    {
        // 0.1C at SOC 0.1: SOC moves 2.78e-5 per second; |d ln R/dSOC| is at most 2·0.3/0.2/1.3.
        var (length, _, midSoc) = CoefficientEpoch.Plan(Cell(0.1), 10, 1, 25, 0, double.PositiveInfinity);
        double socRate = 10 / 360_000.0;
        Assert.Equal(CoefficientEpoch.RelativeChange / (2 * 0.3 / 0.2 / 1.3) / socRate, length, 6);
        Assert.Equal(0.1 + (socRate * length / 2), midSoc, 12);
    }

    [Fact]
    public void In_the_flat_middle_the_epoch_runs_to_the_band_ahead()
    {
        // Without the temperature dependence only SOC limits it: 0.01 SOC to the band at 0.8, at 10 A on 100 Ah.
        var (length, _, _) = CoefficientEpoch.Plan(Cell(0.79, new CellOptions { ActivationEnergyJPerMol = 0 }), 10, 1, 25, 0, double.PositiveInfinity);
        Assert.Equal(360, length, 6);

        // Heat from 10 A limits it sooner once resistance follows temperature.
        Assert.True(CoefficientEpoch.Plan(Cell(0.79), 10, 1, 25, 0, double.PositiveInfinity).LengthS < 360);
    }

    [Fact]
    public void Heating_shortens_the_epoch_and_moves_the_frozen_temperature_to_the_middle()
    {
        var (length, midT, _) = CoefficientEpoch.Plan(Cell(0.5), 0, 1, 25, 500, double.PositiveInfinity);
        Assert.True(length < 1, $"{length} s");
        Assert.InRange(midT, 25, 25 + (0.5 * length * 0.5) + 1e-9);
        Assert.Equal(CoefficientEpoch.MinLengthS, CoefficientEpoch.Plan(Cell(0.5), 0, 1, 25, 1e9, double.PositiveInfinity).LengthS);
    }
}
