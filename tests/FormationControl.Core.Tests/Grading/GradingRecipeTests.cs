using CsCheck;
using FormationControl.Core.Grading;
using FormationControl.Core.Profiles;
using FormationControl.Core.Tests.Support;

namespace FormationControl.Core.Tests.Grading;

public class GradingRecipeTests
{
    private static readonly GradingRecipe Recipe = new(
        "r", "1", "h", "capacity", 100,
        [new GradeBin("A", 100.5, 110), new GradeBin("B", 99.5, 100.5), new GradeBin("C", 98, 99.5)],
        "reject");

    [Theory]
    [InlineData(101.0, "A")]
    [InlineData(100.5, "A")]
    [InlineData(109.99999999999999, "A")]
    [InlineData(100.49999999999999, "B")]
    [InlineData(99.5, "B")]
    [InlineData(99.49999999999999, "C")]
    [InlineData(98.0, "C")]
    [InlineData(97.99999999999999, "reject")]
    [InlineData(110.0, "reject")]
    [InlineData(0.0, "reject")]
    [InlineData(-5.0, "reject")]
    public void Bins_are_half_open(double capacityAh, string grade) =>
        Assert.Equal(grade, Recipe.Grade(capacityAh).Grade);

    [Fact]
    public void Reason_names_the_value_and_the_bin()
    {
        Assert.Equal(new GradeDecision("A", "capacity 101.2 Ah is in 'A' [100.5, 110) Ah"), Recipe.Grade(101.2));
        Assert.Equal(new GradeDecision("reject", "capacity 97.25 Ah is outside every bin"), Recipe.Grade(97.25));
    }

    [Fact]
    public void No_capacity_is_rejected_with_its_reason()
    {
        Assert.Equal(new GradeDecision("reject", "no capacity measured"), Recipe.Grade(null));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_non_finite_capacity_is_rejected(double capacity)
    {
        var decision = Recipe.Grade(capacity);
        Assert.Equal("reject", decision.Grade);
        Assert.Contains("is not a finite number", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_capacity_gets_the_grade_of_the_one_bin_containing_it_or_reject()
    {
        Gen.Double[90, 115].Sample(capacity =>
        {
            var decision = Recipe.Grade(capacity);
            var containing = Recipe.Bins.Where(b => b.MinCapacityAh <= capacity && capacity < b.MaxCapacityAh).ToList();
            Assert.True(containing.Count <= 1);
            Assert.Equal(containing.Count == 1 ? containing[0].Grade : "reject", decision.Grade);
        });
    }

    [Fact]
    public void Sample_recipe_fits_the_sample_profile()
    {
        var profile = ProfileLoader.LoadFile(ProfileJson.SamplePath("nmc-100ah-formation.json")).Profile!;
        var recipe = GradingRecipeLoader.LoadFile(ProfileJson.SamplePath("grading/nmc-100ah-capacity.json")).Recipe!;
        Assert.True(recipe.FitsProfile(profile, out string? problem), problem);
    }

    [Theory]
    [InlineData("nope", null, "profile 'nmc-100ah-formation' has no step labelled 'nope'")]
    [InlineData("rest-4", null, "step #8 'rest-4' of profile 'nmc-100ah-formation' is a rest step, not a discharge")]
    [InlineData("capacity", 50.0, "the recipe's nominal capacity 50 Ah differs from the profile cell's 100 Ah")]
    public void Recipe_that_does_not_fit_the_profile_says_why(string step, double? nominal, string expected)
    {
        var profile = ProfileLoader.LoadFile(ProfileJson.SamplePath("nmc-100ah-formation.json")).Profile!;
        var recipe = Recipe with { CapacityStepLabel = step, NominalCapacityAh = nominal };
        Assert.False(recipe.FitsProfile(profile, out string? problem));
        Assert.Equal(expected, problem);
    }
}
