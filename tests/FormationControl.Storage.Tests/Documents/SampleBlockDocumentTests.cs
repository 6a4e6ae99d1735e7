namespace FormationControl.Storage.Tests;

public class SampleBlockDocumentTests
{
    [Fact]
    public void BlockRoundTripsThroughBsonBytes()
    {
        var encoder = new SampleBlockEncoder();
        var samples = Enumerable.Range(0, 12).Select(n => TestRecords.Sample(8, 3, n)).ToList();
        samples.ForEach(sample => encoder.Append(QuantisedSample.From(sample)));

        var document = RunDocumentTests.ThroughBytes(SampleBlockDocument.From(8, 3, encoder), id: 5);
        var decoded = new List<QuantisedSample>();
        SampleBlockDocument.Decode(document, decoded);

        Assert.Equal(12, SampleBlockDocument.CountOf(document));
        Assert.Equal(3, SampleBlockDocument.StepOf(document));
        Assert.Equal(samples.Count, decoded.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            Tolerance.AssertWithinResolution(samples[i], decoded[i].ToRecord());
        }
    }

    [Fact]
    public void DamagedBlockNamesTheDocument()
    {
        var encoder = new SampleBlockEncoder();
        encoder.Append(QuantisedSample.From(TestRecords.Sample(8, 3, 0)));
        var document = RunDocumentTests.ThroughBytes(SampleBlockDocument.From(8, 3, encoder), id: 77);
        document[SampleBlockDocument.Count] = 2;

        var error = Assert.Throws<InvalidDataException>(() => SampleBlockDocument.Decode(document, new List<QuantisedSample>()));

        Assert.Contains("samples/77", error.Message, StringComparison.Ordinal);
        Assert.Contains("ends inside sample 1 of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFieldNamesTheDocumentAndField()
    {
        var encoder = new SampleBlockEncoder();
        encoder.Append(QuantisedSample.From(TestRecords.Sample(8, 3, 0)));
        var document = RunDocumentTests.ThroughBytes(SampleBlockDocument.From(8, 3, encoder), id: 78);
        document.Remove(SampleBlockDocument.Payload);

        var error = Assert.Throws<InvalidDataException>(() => SampleBlockDocument.Decode(document, new List<QuantisedSample>()));

        Assert.Equal("Document samples/78: field 'p' is missing.", error.Message);
    }
}
