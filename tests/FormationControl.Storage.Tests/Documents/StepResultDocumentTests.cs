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

public class StepResultDcirTests
{
    [Fact]
    public void A_pulse_step_keeps_its_dcir_and_other_steps_have_none()
    {
        var pulse = TestRecords.StepResult(4, 3, TestRecords.Start) with { DcirOhm = 0.000_612_5 };
        var plain = TestRecords.StepResult(4, 4, TestRecords.Start);

        Assert.Equal(0.000_612_5, StepResultDocument.ToRecord(RunDocumentTests.ThroughBytes(StepResultDocument.From(pulse), id: 1)).DcirOhm);
        Assert.Null(StepResultDocument.ToRecord(RunDocumentTests.ThroughBytes(StepResultDocument.From(plain), id: 2)).DcirOhm);
    }
}

public class StepResultCccvPartsTests
{
    [Fact]
    public void A_cccv_step_keeps_its_constant_current_and_constant_voltage_parts()
    {
        var cccv = TestRecords.StepResult(4, 1, TestRecords.Start) with { CcDurationS = 3400.5, CcAh = 9.4458, CvDurationS = 1800, CvAh = 0.6021 };

        var back = StepResultDocument.ToRecord(RunDocumentTests.ThroughBytes(StepResultDocument.From(cccv), id: 1));

        Assert.Equal((3400.5, 9.4458, 1800.0, 0.6021), (back.CcDurationS!.Value, back.CcAh!.Value, back.CvDurationS!.Value, back.CvAh!.Value));
        Assert.Null(StepResultDocument.ToRecord(RunDocumentTests.ThroughBytes(StepResultDocument.From(TestRecords.StepResult(4, 2, TestRecords.Start)), id: 2)).CcAh);
    }
}
