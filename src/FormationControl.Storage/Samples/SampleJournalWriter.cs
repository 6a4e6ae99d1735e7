using LiteDB;

namespace FormationControl.Storage;

/// <summary>Writes segments into as few journal documents as the size limit allows.</summary>
internal sealed class SampleJournalWriter(ILiteCollection<BsonDocument> journal)
{
    private readonly List<byte> _document = [];

    public int Documents { get; private set; }

    public long Bytes { get; private set; }

    public void Add(long runId, int stepIndex, SampleBlockEncoder encoder)
    {
        SampleJournal.AppendSegment(_document, runId, stepIndex, encoder);
        if (_document.Count >= SampleJournal.MaxDocumentBytes)
        {
            Finish();
        }
    }

    /// <summary>Inserts what is collected (nothing if empty).</summary>
    public void Finish()
    {
        if (_document.Count == 0)
        {
            return;
        }

        journal.Insert(new BsonDocument { [SampleJournal.Payload] = _document.ToArray() });
        Documents++;
        Bytes += _document.Count;
        _document.Clear();
    }
}
