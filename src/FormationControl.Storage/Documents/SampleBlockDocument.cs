using LiteDB;

namespace FormationControl.Storage;

/// <summary>
/// A block of consecutive samples of one run and step as one document. Field names are one letter
/// because every byte is paid once per block.
/// </summary>
internal static class SampleBlockDocument
{
    public const string Run = "r";
    public const string Step = "s";
    public const string FirstTime = "t";
    public const string Count = "n";
    public const string Payload = "p";

    public static BsonDocument From(long runId, int stepIndex, SampleBlockEncoder encoder) => new()
    {
        [Run] = runId,
        [Step] = stepIndex,
        [FirstTime] = encoder.FirstTimeMs,
        [Count] = encoder.Count,
        [Payload] = encoder.Payload.ToArray(),
    };

    public static int StepOf(BsonDocument document) =>
        new DocumentReader(StoreCollections.SamplesName, document).Int32(Step);

    public static int CountOf(BsonDocument document) =>
        new DocumentReader(StoreCollections.SamplesName, document).Int32(Count);

    public static byte[] PayloadOf(BsonDocument document) =>
        new DocumentReader(StoreCollections.SamplesName, document).Binary(Payload);

    /// <exception cref="InvalidDataException">The document is not a readable sample block; the message names it.</exception>
    public static void Decode(BsonDocument document, ICollection<QuantisedSample> into)
    {
        var read = new DocumentReader(StoreCollections.SamplesName, document);
        var (runId, step, firstTime, count, payload) =
            (read.Int64(Run), read.Int32(Step), read.Int64(FirstTime), read.Int32(Count), read.Binary(Payload));
        try
        {
            SampleBlockDecoder.Decode(runId, step, firstTime, count, payload, into);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Document {StoreCollections.SamplesName}/{DocumentReader.IdOf(document)}: {e.Message}.", e);
        }
    }
}
