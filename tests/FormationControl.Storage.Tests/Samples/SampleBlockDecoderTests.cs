namespace FormationControl.Storage.Tests;

public class SampleBlockDecoderTests
{
    private static byte[] Payload(int samples, out long firstTimeMs)
    {
        var encoder = new SampleBlockEncoder();
        for (var n = 0; n < samples; n++)
        {
            encoder.Append(QuantisedSample.From(TestRecords.Sample(3, 1, n)));
        }

        firstTimeMs = encoder.FirstTimeMs;
        return encoder.Payload.ToArray();
    }

    [Fact]
    public void UnknownFormatIsRefused()
    {
        var payload = Payload(3, out var first);
        payload[0] = 99;

        var error = Assert.Throws<InvalidDataException>(() => SampleBlockDecoder.Decode(3, 1, first, 3, payload, new List<QuantisedSample>()));

        Assert.Contains("format 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadShorterThanItsCountIsRefused()
    {
        var payload = Payload(3, out var first);

        var error = Assert.Throws<InvalidDataException>(() => SampleBlockDecoder.Decode(3, 1, first, 4, payload, new List<QuantisedSample>()));

        Assert.Contains("ends inside sample 3 of 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BytesAfterTheLastSampleAreRefused()
    {
        var payload = Payload(3, out var first);

        var error = Assert.Throws<InvalidDataException>(() => SampleBlockDecoder.Decode(3, 1, first, 2, payload, new List<QuantisedSample>()));

        Assert.Contains("after its 2 samples", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyBlockIsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => SampleBlockDecoder.Decode(3, 1, 0, 0, [SampleBlockFormat.Version], new List<QuantisedSample>()));

        Assert.Contains("at least one sample", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodedSamplesCarryRunAndStep()
    {
        var payload = Payload(5, out var first);
        var decoded = new List<QuantisedSample>();

        SampleBlockDecoder.Decode(3, 1, first, 5, payload, decoded);

        Assert.All(decoded, sample => Assert.Equal((3L, 1), (sample.RunId, sample.StepIndex)));
        for (var n = 0; n < 5; n++)
        {
            Tolerance.AssertWithinResolution(TestRecords.Sample(3, 1, n), decoded[n].ToRecord());
        }
    }
}
