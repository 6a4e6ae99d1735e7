using LiteDB;

namespace FormationControl.Storage;

/// <summary>
/// Packs what a store that was not closed left in the sample journal into block documents, when the
/// store opens. Consecutive samples of a run and step become one block (cut at the block size); the
/// journal is emptied in the same transaction.
/// </summary>
internal static class SampleJournalRecovery
{
    /// <summary>Returns the number of samples recovered (0 when the journal was empty and nothing was written).</summary>
    public static int Recover(LiteDatabase database, int blockSize)
    {
        var collections = new StoreCollections(database);
        if (collections.Journal.Count() == 0)
        {
            return 0;
        }

        var samples = new List<QuantisedSample>();
        foreach (var document in collections.Journal.FindAll().OrderBy(document => document["_id"].AsInt64))
        {
            SampleJournal.Decode(document, runId: null, samples);
        }

        if (!database.BeginTrans())
        {
            throw new InvalidOperationException("a LiteDB transaction is already open on this thread");
        }

        try
        {
            var open = new Dictionary<long, SampleBlock>();
            foreach (var sample in samples)
            {
                if (open.TryGetValue(sample.RunId, out var block) && (block.StepIndex != sample.StepIndex || block.All.Count >= blockSize))
                {
                    collections.Samples.Insert(SampleBlockDocument.From(block.RunId, block.StepIndex, block.All));
                    block = null;
                }

                if (block is null)
                {
                    block = new SampleBlock(sample.RunId, sample.StepIndex);
                    open[sample.RunId] = block;
                }

                block.All.Append(sample);
            }

            foreach (var block in open.Values)
            {
                collections.Samples.Insert(SampleBlockDocument.From(block.RunId, block.StepIndex, block.All));
            }

            collections.Journal.DeleteAll();
            database.Commit();
        }
        catch
        {
            database.Rollback();
            throw;
        }

        return samples.Count;
    }
}
