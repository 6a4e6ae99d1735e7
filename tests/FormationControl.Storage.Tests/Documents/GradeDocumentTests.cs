namespace FormationControl.Storage.Tests;

public class GradeDocumentTests
{
    [Fact]
    public void GradeRoundTripsWithTheVersionTheStoreGave()
    {
        var grade = TestRecords.Grade("CELL-7", runId: 12);

        var restored = GradeDocument.ToRecord(RunDocumentTests.ThroughBytes(GradeDocument.ForNewGrade(grade, version: 3), id: 44));

        Assert.Equal(grade with { Id = 44, Version = 3 }, restored);
    }

    [Fact]
    public void GradeWithoutCapacityOrLotRoundTrips()
    {
        var grade = TestRecords.Grade("CELL-7", runId: 12, grade: "Reject", lot: null, capacityAh: null);

        var restored = GradeDocument.ToRecord(RunDocumentTests.ThroughBytes(GradeDocument.ForNewGrade(grade, version: 1), id: 2));

        Assert.Null(restored.CapacityAh);
        Assert.Null(restored.Lot);
        Assert.Equal("Reject", restored.Grade);
    }
}
