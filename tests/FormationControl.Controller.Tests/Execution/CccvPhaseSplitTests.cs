using FormationControl.Controller.Execution;
using FormationControl.Core.Profiles;

namespace FormationControl.Controller.Tests.Execution;

public class CccvPhaseSplitTests
{
    [Fact]
    public void Finds_the_change_to_constant_voltage_between_two_polls_from_the_charge_that_moved()
    {
        // 50 A for 1000 s, then the current falls linearly by 10 A/100 s: polls every 60 s.
        const double Set = 50, Change = 1000;
        static double Current(double t) => t <= Change ? Set : Set - (0.1 * (t - Change));
        static double Charge(double t) => t <= Change ? Set * t / 3600 : ((Set * Change) + ((Set + Current(t)) / 2 * (t - Change))) / 3600;
        var split = new CccvPhaseSplit(Set);
        for (double t = 0; t <= 1200; t += 60)
        {
            split.Observe(t, Charge(t), Current(t));
        }

        var parts = split.Split(1200, Charge(1200));
        Assert.Equal(Change, parts.CcDurationS, 6);
        Assert.Equal(Set * Change / 3600, parts.CcAh, 9);
        Assert.Equal(200, parts.CvDurationS, 6);
        Assert.Equal(Charge(1200) - (Set * Change / 3600), parts.CvAh, 9);
    }

    [Fact]
    public void A_discharge_keeps_its_sign_and_the_estimate_stays_between_the_polls()
    {
        var split = new CccvPhaseSplit(20);
        split.Observe(0, 0, -20);
        split.Observe(100, -20.0 * 100 / 3600, -20);
        split.Observe(200, -20.0 * 200 / 3600, -5); // full current until 200 s by the charge moved

        var parts = split.Split(300, (-20.0 * 200 / 3600) - 0.2);
        Assert.Equal(200, parts.CcDurationS, 6);
        Assert.Equal(-20.0 * 200 / 3600, parts.CcAh, 9);
        Assert.Equal(100, parts.CvDurationS, 6);
        Assert.Equal(-0.2, parts.CvAh, 9);
    }

    [Fact]
    public void A_step_that_never_reached_its_voltage_is_all_constant_current()
    {
        var split = new CccvPhaseSplit(10);
        split.Observe(0, 0, 10);
        split.Observe(60, 10.0 / 60, 9.9); // within the tolerance: still CC
        Assert.Equal(new CccvParts(120, 1.0 / 3, 0, 0), split.Split(120, 1.0 / 3));
    }

    [Fact]
    public void Only_cccv_steps_are_split()
    {
        var cccv = new ProfileStep(0, "c", StepType.ChargeCccv, 10, 4.2, [], null);
        Assert.NotNull(CccvPhaseSplit.For(cccv));
        Assert.Null(CccvPhaseSplit.For(cccv with { Type = StepType.ChargeCc, VoltageV = null }));
    }
}
