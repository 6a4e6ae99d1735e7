using FormationControl.Storage;

namespace FormationControl.Controller.Tests.Grading;

/// <summary>Writes a lot into a real store: one completed run per cell with formation step results and two ageing sessions.</summary>
internal static class LotFixture
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Cell i gets capacity <paramref name="capacityAh"/>(i) Ah, DCIR, ACIR about 0.5 mΩ, and loses <paramref name="kMvPerDay"/>(i) over 7 days.</summary>
    public static async Task WriteAsync(
        FormationStore store, string lot, int cells, Func<int, double> capacityAh, Func<int, double> kMvPerDay, Func<int, double>? acirOhm = null)
    {
        var measurements = new List<AgeingMeasurementRecord>();
        for (int i = 0; i < cells; i++)
        {
            string cell = $"{lot}-C{i:D4}";
            long run = await store.StartRunAsync(new RunRecord(0, cell, lot, "sim-1", i + 1, "nmc-100ah-formation", "1.0.0", "hash-of-profile", Start, null, RunStatus.Running, null));
            double capacity = capacityAh(i);
            await store.RecordStepResultAsync(Step(run, 0, "precharge", "ChargeCc", 10, 3.5));
            await store.RecordStepResultAsync(Step(run, 1, "charge-1", "ChargeCccv", 95, 4.2));
            await store.RecordStepResultAsync(Step(run, 2, "discharge-1", "DischargeCc", -(capacity - 0.1), 2.8));
            await store.RecordStepResultAsync(Step(run, 3, "pulse", "Pulse", -0.5, 3.6) with { DcirOhm = 0.0008 + (i * 1e-6) });
            await store.RecordStepResultAsync(Step(run, 4, "capacity", "DischargeCc", -capacity, 2.8));
            await store.CompleteRunAsync(run, RunStatus.Completed, Start.AddHours(30), null);
            double ocv1 = 3.65 + ((i % 3) * 0.0005);
            double acir = acirOhm?.Invoke(i) ?? 0.0005 + ((i % 5) * 1e-6);
            measurements.Add(new AgeingMeasurementRecord(0, cell, "ocv1", "ocv-station-1", Start.AddDays(2), ocv1, acir, 25));
            measurements.Add(new AgeingMeasurementRecord(0, cell, "ocv2", "ocv-station-1", Start.AddDays(9), ocv1 - (kMvPerDay(i) * 7 / 1000), acir, 25));
        }

        await store.RecordAgeingMeasurementsAsync(measurements);
    }

    private static StepResultRecord Step(long run, int index, string label, string type, double ah, double endV) =>
        new(run, index, label, type, Start.AddHours(index), Start.AddHours(index + 1), 3600, ah, ah * 3.7, endV, 0, 25, "limit");
}
