using FormationControl.Core.Grading;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Grading;

/// <summary>The full recipe form: inputs, screens with reject codes, grades with absolute and lot-relative rules.</summary>
public class GradingRecipeRulesTests
{
    private static readonly GradingRecipe Ageing = Load("grading/nmc-100ah-ageing.json");

    private static GradingRecipe Load(string relative)
    {
        var result = GradingRecipeLoader.LoadFile(ProfileJson.SamplePath(relative));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Recipe;
    }

    private static GradeInputs Good(double capacity = 101, double acir = 0.0004, double ocv = 3.600, double k = 0.1) =>
        new(capacity, 88, null, acir, k, ocv);

    private static LotStatistics Lot(params GradeInputs[] extra) =>
        LotStatistics.Of([.. Enumerable.Range(0, 50).Select(i => Good(acir: 0.0004 + ((i % 5) - 2) * 0.000002, ocv: 3.600 + ((i % 7) - 3) * 0.0005, k: 0.1 + ((i % 3) - 1) * 0.01)), .. extra]);

    [Fact]
    public void Sample_declares_its_inputs_and_hashes_in_the_rules_format()
    {
        Assert.Equal([GradeInput.Capacity, GradeInput.CoulombicEfficiency, GradeInput.Acir, GradeInput.KValue, GradeInput.Ocv], Ageing.UsedInputs);
        Assert.True(Ageing.IsLotRelative);
        Assert.False(Ageing.IsCapacityOnly);
        Assert.StartsWith("{\"format\":\"formationcontrol.grading/2\"", GradingRecipeHash.CanonicalText(Ageing), StringComparison.Ordinal);
        Assert.Equal(0.0003, Ageing.Sources.KTemperatureCoefficientVPerK, 12);
        Assert.Equal(("ocv1", "ocv2"), (Ageing.Sources.KFirstSession, Ageing.Sources.KSecondSession));
    }

    [Fact]
    public void A_typical_cell_is_an_a()
    {
        var decision = Ageing.Grade(Good(), Lot());
        Assert.Equal("A", decision.Grade);
        Assert.Empty(decision.RejectCodes);
        Assert.Contains("capacity 101 Ah is in [100.5, 110) Ah", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_high_acir_falls_to_b_then_c()
    {
        Assert.Equal("B", Ageing.Grade(Good(acir: 0.0004 * 1.07), Lot()).Grade);
        Assert.Equal("C", Ageing.Grade(Good(acir: 0.0004 * 1.2), Lot()).Grade);
    }

    [Fact]
    public void A_micro_short_is_rejected_with_both_k_codes_whatever_its_capacity()
    {
        var decision = Ageing.Grade(Good(k: 0.8), Lot(Good(k: 0.8)));
        Assert.Equal("reject", decision.Grade);
        Assert.Equal(["K-LIMIT", "K-LOT"], decision.RejectCodes);
        Assert.Contains("K-LIMIT (self-discharge above the fixed limit (micro-short)): kValue 0.8 mV/day is outside", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void K_beyond_three_sigma_of_the_lot_is_caught_below_the_fixed_limit()
    {
        var decision = Ageing.Grade(Good(k: 0.3), Lot());
        Assert.Equal(["K-LOT"], decision.RejectCodes);
    }

    [Fact]
    public void A_missing_input_rejects_and_names_it()
    {
        var decision = Ageing.Grade(Good() with { KMvPerDay = null, AcirOhm = double.NaN }, Lot());
        Assert.Equal(["missing-acir", "missing-kValue"], decision.RejectCodes);
        Assert.Contains("no kValue measured", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_every_grade_is_no_grade()
    {
        var decision = Ageing.Grade(Good(capacity: 95), Lot());
        Assert.Equal(("reject", "no-grade"), (decision.Grade, decision.RejectCodes.Single()));
        Assert.Contains("not 'C': capacity 95 Ah is outside [98, 110) Ah", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Lot_relative_capacity_grades_move_with_the_lot()
    {
        var recipe = Load("grading/nmc-100ah-lot.json");
        var lowLot = LotStatistics.Of([.. Enumerable.Range(0, 21).Select(i => new GradeInputs(CapacityAh: 99 + (i * 0.01), CoulombicEfficiencyPercent: 88))]);
        var highLot = LotStatistics.Of([.. Enumerable.Range(0, 21).Select(i => new GradeInputs(CapacityAh: 103 + (i * 0.01), CoulombicEfficiencyPercent: 88))]);
        var cell = new GradeInputs(CapacityAh: 101, CoulombicEfficiencyPercent: 88);
        Assert.Equal("B", recipe.Grade(cell, lowLot).Grade);
        Assert.Equal("C", recipe.Grade(cell, highLot).Grade);
    }

    [Fact]
    public void Original_recipes_keep_their_capacity_only_hash_and_grade_the_same_through_both_entries()
    {
        var capacity = Load("grading/nmc-100ah-capacity.json");
        Assert.True(capacity.IsCapacityOnly);
        Assert.StartsWith("{\"format\":\"formationcontrol.grading/1\"", GradingRecipeHash.CanonicalText(capacity), StringComparison.Ordinal);
        foreach (double c in new[] { 97.0, 98, 99.5, 100.4999, 100.5, 109.99, 110 })
        {
            Assert.Equal(capacity.Grade(c).Grade, capacity.Grade(new GradeInputs(CapacityAh: c), LotStatistics.Empty).Grade);
        }
    }
}
