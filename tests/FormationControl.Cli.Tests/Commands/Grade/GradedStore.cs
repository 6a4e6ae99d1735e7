using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Commands.Grade;

/// <summary>A real store with one lot: a completed run per cell with formation step results and two ageing sessions.</summary>
internal static class GradedStore
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Cell i: capacity <paramref name="capacityAh"/>(i), DCIR <paramref name="dcirOhm"/>(i), K 0.1 mV/day except <paramref name="leaker"/> (2 mV/day).</summary>
    public static async Task WriteAsync(string dbPath, string lot, int cells, Func<int, double> capacityAh, Func<int, double> dcirOhm, int leaker = -1)
    {
        await using var store = FormationStore.Open(dbPath, TimeProvider.System);
        var measurements = new List<AgeingMeasurementRecord>();
        for (int i = 0; i < cells; i++)
        {
            string cell = $"{lot}-C{i:D3}";
            long run = await store.StartRunAsync(new RunRecord(0, cell, lot, "sim-1", i + 1, "nmc-100ah-formation", "1.0.0", "profilehash", Start, null, RunStatus.Running, null));
            double capacity = capacityAh(i);
            await store.RecordStepResultAsync(Step(run, 0, "precharge", "ChargeCc", 10, 3.5));
            await store.RecordStepResultAsync(Step(run, 1, "charge-1", "ChargeCccv", 95, 4.2));
            await store.RecordStepResultAsync(Step(run, 2, "discharge-1", "DischargeCc", -(capacity - 0.1), 2.8));
            await store.RecordStepResultAsync(Step(run, 3, "pulse", "Pulse", -0.5, 3.6) with { DcirOhm = dcirOhm(i) });
            await store.RecordStepResultAsync(Step(run, 4, "capacity", "DischargeCc", -capacity, 2.8));
            await store.CompleteRunAsync(run, RunStatus.Completed, Start.AddHours(30), null);
            double k = i == leaker ? 2.0 : 0.1;
            measurements.Add(new AgeingMeasurementRecord(0, cell, "ocv1", "ocv-1", Start.AddDays(2), 3.65, 0.0005, 25));
            measurements.Add(new AgeingMeasurementRecord(0, cell, "ocv2", "ocv-1", Start.AddDays(9), 3.65 - (k * 7 / 1000), 0.0005, 25));
        }

        await store.RecordAgeingMeasurementsAsync(measurements);
    }

    private static StepResultRecord Step(long run, int index, string label, string type, double ah, double endV) =>
        new(run, index, label, type, Start.AddHours(index), Start.AddHours(index + 1), 3600, ah, ah * 3.7, endV, 0, 25, "limit");
}
