using System.Diagnostics.CodeAnalysis;
using LiteDB;

namespace FormationControl.Storage;

public sealed partial class FormationStore
{
    /// <summary>The run with <paramref name="id"/>, or null.</summary>
    public RunRecord? FindRun(long id) =>
        Read(collections => collections.Runs.FindById(id) is { } document ? RunDocument.ToRecord(document) : null);

    /// <summary>Looks up the run with <paramref name="id"/>.</summary>
    public bool TryGetRun(long id, [MaybeNullWhen(false)] out RunRecord run)
    {
        run = FindRun(id);
        return run is not null;
    }

    /// <summary>All runs, oldest first.</summary>
    public IReadOnlyList<RunRecord> GetRuns() =>
        Read(collections => collections.Runs.FindAll().Select(RunDocument.ToRecord).OrderBy(run => run.Id).ToList());

    /// <summary>Committed step results of a run in the order they ran (start time, then insertion): a loop's steps repeat.</summary>
    public IReadOnlyList<StepResultRecord> GetStepResults(long runId) =>
        Read(collections => collections.StepResults
            .Find(Query.EQ(StepResultDocument.Run, runId))
            .Select(document => (Id: document["_id"].AsInt64, Result: StepResultDocument.ToRecord(document)))
            .OrderBy(entry => entry.Result.StartedAt)
            .ThenBy(entry => entry.Id)
            .Select(entry => entry.Result)
            .ToList());

    /// <summary>Committed samples of a run (or of one of its steps), in time order.</summary>
    /// <exception cref="StorageException">Stored samples are unreadable; the message names the file and document.</exception>
    public IReadOnlyList<SampleRecord> GetSamples(long runId, int? stepIndex = null)
    {
        var quantised = Read(collections =>
        {
            var decoded = new List<QuantisedSample>();
            var blocks = collections.Samples
                .Find(Query.EQ(SampleBlockDocument.Run, runId))
                .Where(block => stepIndex is null || SampleBlockDocument.StepOf(block) == stepIndex)
                .OrderBy(block => block[SampleBlockDocument.FirstTime].AsInt64)
                .ThenBy(block => block["_id"].AsInt64);
            foreach (var block in blocks)
            {
                SampleBlockDocument.Decode(block, decoded);
            }

            // Samples not yet packed into blocks; the journal is small (see SampleBlockBuffer).
            foreach (var document in collections.Journal.FindAll().OrderBy(document => document["_id"].AsInt64))
            {
                SampleJournal.Decode(document, runId, decoded);
            }

            return decoded;
        });
        var samples = new List<SampleRecord>(quantised.Count);
        foreach (var sample in quantised)
        {
            if (stepIndex is null || sample.StepIndex == stepIndex)
            {
                samples.Add(sample.ToRecord());
            }
        }

        return IsTimeOrdered(samples) ? samples : samples.OrderBy(sample => sample.Time).ToList();
    }

    /// <summary>Grades of one lot (all grades when <paramref name="lot"/> is null), in the order they were given.</summary>
    public IReadOnlyList<GradeRecord> GetGrades(string? lot = null) =>
        Read(collections => (lot is null ? collections.Grades.FindAll() : collections.Grades.Find(Query.EQ(GradeDocument.Lot, lot)))
            .Select(GradeDocument.ToRecord)
            .OrderBy(grade => grade.Id)
            .ToList());

    /// <summary>The cell's current grade (highest version), or null if it was never graded.</summary>
    public GradeRecord? LatestGrade(string cellId)
    {
        ArgumentNullException.ThrowIfNull(cellId);
        return Read(collections => collections.Grades
            .Find(Query.EQ(GradeDocument.Cell, cellId))
            .Select(GradeDocument.ToRecord)
            .MaxBy(grade => grade.Version));
    }

    /// <summary>What committed samples take on disk, for one run or the whole store.</summary>
    public SampleStorageStats GetSampleStorageStats(long? runId = null)
    {
        var (blocks, samples, payload, documents, journalSamples, journalBytes) = Read(collections =>
        {
            var found = runId is { } id ? collections.Samples.Find(Query.EQ(SampleBlockDocument.Run, id)) : collections.Samples.FindAll();
            long count = 0, sampleCount = 0, payloadBytes = 0, documentBytes = 0;
            foreach (var block in found)
            {
                count++;
                sampleCount += SampleBlockDocument.CountOf(block);
                payloadBytes += SampleBlockDocument.PayloadOf(block).Length;
                documentBytes += BsonSerializer.Serialize(block).Length;
            }

            var journaled = new List<QuantisedSample>();
            long journalDocumentBytes = 0;
            foreach (var document in collections.Journal.FindAll())
            {
                SampleJournal.Decode(document, runId, journaled);
                journalDocumentBytes += BsonSerializer.Serialize(document).Length;
            }

            return (count, sampleCount, payloadBytes, documentBytes, (long)journaled.Count, journalDocumentBytes);
        });
        var fileBytes = FileLength(_file.Path) + FileLength(_file.LogPath);
        return new SampleStorageStats(blocks, samples, payload, documents, journalSamples, journalBytes, fileBytes);
    }

    private T Read<T>(Func<StoreCollections, T> read)
    {
        ThrowIfDisposed();
        return _file.Read(database => read(new StoreCollections(database)));
    }

    private static bool IsTimeOrdered(List<SampleRecord> samples)
    {
        for (var i = 1; i < samples.Count; i++)
        {
            if (samples[i].Time < samples[i - 1].Time)
            {
                return false;
            }
        }

        return true;
    }

    private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
