namespace FormationControl.Storage.Tests;

public class StepResultDocumentTests
{
    [Fact]
    public void StepResultRoundTripsThroughBsonBytesExactly()
    {
        var result = TestRecords.StepResult(4, 2, TestRecords.Start.AddTicks(99));

        var restored = StepResultDocument.ToRecord(RunDocumentTests.ThroughBytes(StepResultDocument.From(result), id: 1));

        Assert.Equal(result, restored);
        Assert.Equal(result.StartedAt.Offset, restored.StartedAt.Offset);
    }

    [Fact]
    public void UnlabelledStepWithUnknownTemperatureRoundTrips()
    {
        var result = TestRecords.StepResult(4, 0, TestRecords.Start, label: null) with { EndTemperatureC = double.NaN };

        var restored = StepResultDocument.ToRecord(RunDocumentTests.ThroughBytes(StepResultDocument.From(result), id: 1));

        Assert.Null(restored.Label);
        Assert.True(double.IsNaN(restored.EndTemperatureC));
    }
}
