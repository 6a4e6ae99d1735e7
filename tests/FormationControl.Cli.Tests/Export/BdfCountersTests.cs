using FormationControl.Cli.Export;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Export;

public sealed class BdfCountersTests
{
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 6, 0, 0, TimeSpan.Zero);

    private static SampleRecord S(int step, double stepTimeS, double stepAh, double stepWh = 0) =>
        new(1, step, T0, stepTimeS, 3.7, 0, 25, stepAh, stepWh);

    [Fact]
    public void Counts_steps_loop_passes_and_rows_within_a_step()
    {
        // Steps 0, then a loop over 1..2 twice, then 3.
        int[] steps = [0, 0, 1, 1, 2, 1, 2, 2, 3];
        double[] times = [0, 1, 0, 1, 0, 0, 0, 1, 0];
        var counters = new BdfCounters();
        var seen = new List<(int Cycle, int Count, int Index)>();

        for (int i = 0; i < steps.Length; i++)
        {
            counters.Advance(S(steps[i], times[i], 0));
            seen.Add((counters.CycleCount, counters.StepCount, counters.StepIndex));
        }

        Assert.Equal(
            [(1, 1, 1), (1, 1, 2), (1, 2, 1), (1, 2, 2), (1, 3, 1), (2, 4, 1), (2, 5, 1), (2, 5, 2), (2, 6, 1)],
            seen);
    }

    [Fact]
    public void The_same_step_again_is_a_new_step_when_its_clock_restarts()
    {
        var counters = new BdfCounters();
        counters.Advance(S(4, 10, 0));
        counters.Advance(S(4, 20, 0));
        counters.Advance(S(4, 5, 0));

        Assert.Equal((2, 2, 1), (counters.CycleCount, counters.StepCount, counters.StepIndex));
    }

    [Fact]
    public void Charge_and_discharge_accumulate_separately_from_the_signed_step_totals_and_never_reset()
    {
        var counters = new BdfCounters();
        counters.Advance(S(0, 10, 1.0, 3.7));   // charge: 1 Ah before the first row
        counters.Advance(S(0, 20, 2.5, 9.3));
        counters.Advance(S(1, 5, -0.5, -1.8));  // discharge step
        counters.Advance(S(1, 10, -1.25, -4.5));
        counters.Advance(S(2, 1, 0.25, 0.9));   // charge again

        Assert.Equal(2.75, counters.ChargingAh, 1e-12);
        Assert.Equal(1.25, counters.DischargingAh, 1e-12);
        Assert.Equal(10.2, counters.ChargingWh, 1e-12);
        Assert.Equal(4.5, counters.DischargingWh, 1e-12);
    }
}
