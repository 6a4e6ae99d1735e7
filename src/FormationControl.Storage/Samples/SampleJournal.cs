using LiteDB;

namespace FormationControl.Storage;

/// <summary>
/// The sample journal: where samples become durable every flush before they are packed into block
/// documents. Each journal document holds segments, one per block with new samples:
/// run id, step index, sample count, first sample time (Unix ms), payload length (zig-zag varints),
/// then the payload in <see cref="SampleBlockFormat"/>. One document per flush instead of one per run
/// keeps a flush of 1000 channels to a single insert.
/// </summary>
internal static class SampleJournal
{
    public const string Payload = "p";

    // Journal documents are cut at this size; LiteDB documents may not exceed 16 MiB.
    public const int MaxDocumentBytes = 1 << 20;

    public static void AppendSegment(List<byte> document, long runId, int stepIndex, SampleBlockEncoder encoder)
    {
        Span<byte> header = stackalloc byte[5 * ZigZagVarint.MaxBytes];
        var length = ZigZagVarint.Write(header, runId);
        length += ZigZagVarint.Write(header[length..], stepIndex);
        length += ZigZagVarint.Write(header[length..], encoder.Count);
        length += ZigZagVarint.Write(header[length..], encoder.FirstTimeMs);
        length += ZigZagVarint.Write(header[length..], encoder.Payload.Length);
        document.AddRange(header[..length]);
        document.AddRange(encoder.Payload);
    }

    /// <summary>Decodes the samples of every segment, in order, optionally only those of one run.</summary>
    /// <exception cref="InvalidDataException">The document is damaged; the message names it.</exception>
    public static void Decode(BsonDocument document, long? runId, ICollection<QuantisedSample> into)
    {
        var payload = new DocumentReader(StoreCollections.JournalName, document).Binary(Payload);
        try
        {
            var position = 0;
            while (position < payload.Length)
            {
                var segmentRun = Next(payload, ref position);
                var step = checked((int)Next(payload, ref position));
                var count = checked((int)Next(payload, ref position));
                var firstTimeMs = Next(payload, ref position);
                var length = checked((int)Next(payload, ref position));
                if (length < 0 || length > payload.Length - position)
                {
                    throw new InvalidDataException($"segment of run {segmentRun} claims {length} bytes, {payload.Length - position} remain");
                }

                if (runId is null || runId == segmentRun)
                {
                    SampleBlockDecoder.Decode(segmentRun, step, firstTimeMs, count, payload.AsSpan(position, length), into);
                }

                position += length;
            }
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException)
        {
            throw new InvalidDataException($"Document {StoreCollections.JournalName}/{DocumentReader.IdOf(document)}: {e.Message}.", e);
        }
    }

    private static long Next(byte[] payload, ref int position) =>
        ZigZagVarint.TryRead(payload, ref position, out var value)
            ? value
            : throw new InvalidDataException($"segment header ends at byte {position}");
}
