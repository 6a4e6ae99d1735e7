using Microsoft.Extensions.Time.Testing;

namespace FormationControl.Storage.Tests;

public class FormationStoreAgeingTests
{
    [Fact]
    public async Task Sessions_are_stored_and_queried_per_cell_in_time_order()
    {
        using var dir = new TempDirectory();
        string path = dir.File("a.db");
        await using (var store = FormationStore.Open(path, new FakeTimeProvider()))
        {
            await store.RecordAgeingMeasurementsAsync(
            [
                new AgeingMeasurementRecord(0, "C1", "ocv2", "ocv-ir-1", TestRecords.Start.AddDays(7), 3.6470, 0.00041, 23.5),
                new AgeingMeasurementRecord(0, "C1", "ocv1", "ocv-ir-1", TestRecords.Start, 3.6500, null, 25.0),
                new AgeingMeasurementRecord(0, "C2", "ocv1", "ocv-ir-2", TestRecords.Start, 3.6510, 0.0004, 25.1),
            ]);
        }

        await using (var store = FormationStore.Open(path, new FakeTimeProvider()))
        {
            var c1 = store.GetAgeingMeasurements("C1");
            Assert.Equal(["ocv1", "ocv2"], c1.Select(m => m.Session));
            Assert.Equal((3.6470, (double?)0.00041, 23.5, "ocv-ir-1"), (c1[1].OcvV, c1[1].AcirOhm, c1[1].TemperatureC, c1[1].Station));
            Assert.Null(c1[0].AcirOhm);
            Assert.Equal(3, store.GetAgeingMeasurements().Count);
        }
    }

    [Fact]
    public async Task A_non_finite_value_is_refused_and_named()
    {
        using var dir = new TempDirectory();
        await using var store = FormationStore.Open(dir.File("a.db"), new FakeTimeProvider());
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAgeingMeasurementsAsync(
            [new AgeingMeasurementRecord(0, "C1", "ocv1", "s", TestRecords.Start, double.NaN, null, 25)]));
        Assert.Contains("cell 'C1' in session 'ocv1'", error.Message, StringComparison.Ordinal);
    }
}
