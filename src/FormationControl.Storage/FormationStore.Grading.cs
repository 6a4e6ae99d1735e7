using LiteDB;

namespace FormationControl.Storage;

public sealed partial class FormationStore
{
    /// <summary>
    /// Stores the grades of one lot grading in one transaction, as the lot's next version (and each cell's next
    /// grade version); returns it with versions and ids assigned. Nothing earlier is changed.
    /// </summary>
    /// <param name="grading">The lot, recipe and grades; its <see cref="LotGrading.Version"/> and the grades' ids and versions are ignored.</param>
    /// <param name="cancellationToken">Stops waiting; a queued grading is still stored.</param>
    /// <exception cref="KeyNotFoundException">A grade's run does not exist (nothing is stored).</exception>
    /// <exception cref="StorageException">The commit failed; nothing was stored.</exception>
    public Task<LotGrading> RecordLotGradingAsync(LotGrading grading, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grading);
        RecordCheck.NotEmpty(grading.Lot, nameof(grading), "Lot");
        RecordCheck.NotEmpty(grading.RecipeName, nameof(grading), "RecipeName");
        RecordCheck.NotEmpty(grading.RecipeVersion, nameof(grading), "RecipeVersion");
        RecordCheck.NotEmpty(grading.RecipeHash, nameof(grading), "RecipeHash");
        foreach (var grade in grading.Grades)
        {
            RecordCheck.NotEmpty(grade.CellId, nameof(grading), "Grades[].CellId");
            RecordCheck.NotEmpty(grade.Grade, nameof(grading), "Grades[].Grade");
            RecordCheck.NotEmpty(grade.Reason, nameof(grading), "Grades[].Reason");
        }

        return Enqueue(new LotGradingWrite(grading, FilePath), cancellationToken);
    }

    /// <summary>The gradings of a lot, oldest first, each with its grades.</summary>
    public IReadOnlyList<LotGrading> GetLotGradings(string lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return Read(collections =>
        {
            var grades = collections.Grades.Find(Query.EQ(GradeDocument.Lot, lot))
                .Select(GradeDocument.ToRecord)
                .Where(g => g.LotVersion is not null)
                .ToLookup(g => g.LotVersion!.Value);
            return collections.LotGradings.Find(Query.EQ(LotGradingDocument.Lot, lot))
                .Select(document => LotGradingDocument.ToRecord(document, [.. grades[document["version"].AsInt32].OrderBy(g => g.Id)]))
                .OrderBy(grading => grading.Version)
                .ToList();
        });
    }

    /// <summary>The lot's grading with <paramref name="version"/> (the latest when null), or null.</summary>
    public LotGrading? FindLotGrading(string lot, int? version = null)
    {
        var gradings = GetLotGradings(lot);
        return version is { } v ? gradings.FirstOrDefault(g => g.Version == v) : gradings.Count > 0 ? gradings[^1] : null;
    }

    /// <summary>Every grade of a cell, oldest first.</summary>
    public IReadOnlyList<GradeRecord> GetGradesOfCell(string cellId)
    {
        ArgumentNullException.ThrowIfNull(cellId);
        return Read(collections => collections.Grades.Find(Query.EQ(GradeDocument.Cell, cellId)).Select(GradeDocument.ToRecord).OrderBy(g => g.Version).ToList());
    }

    /// <summary>Runs of a lot, oldest first.</summary>
    public IReadOnlyList<RunRecord> GetRunsOfLot(string lot)
    {
        ArgumentNullException.ThrowIfNull(lot);
        return Read(collections => collections.Runs.Find(Query.EQ("lot", lot)).Select(RunDocument.ToRecord).OrderBy(run => run.Id).ToList());
    }

    /// <summary>Runs of a cell, oldest first.</summary>
    public IReadOnlyList<RunRecord> GetRunsOfCell(string cellId)
    {
        ArgumentNullException.ThrowIfNull(cellId);
        return Read(collections => collections.Runs.Find(Query.EQ(RunDocument.Cell, cellId)).Select(RunDocument.ToRecord).OrderBy(run => run.Id).ToList());
    }

    /// <summary>
    /// Step results of many runs at once (ordered as <see cref="GetStepResults"/> orders them), for grading a lot
    /// without one query per run.
    /// </summary>
    public IReadOnlyDictionary<long, IReadOnlyList<StepResultRecord>> GetStepResultsOfRuns(IReadOnlyCollection<long> runIds)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        var wanted = runIds.ToHashSet();
        return Read(collections =>
        {
            // Past a few hundred runs one pass over the collection beats an index seek per run.
            var documents = wanted.Count > 256
                ? collections.StepResults.FindAll().Where(d => wanted.Contains(d[StepResultDocument.Run].AsInt64))
                : wanted.SelectMany(id => collections.StepResults.Find(Query.EQ(StepResultDocument.Run, id)));
            return (IReadOnlyDictionary<long, IReadOnlyList<StepResultRecord>>)documents
                .Select(d => (Id: d["_id"].AsInt64, Result: StepResultDocument.ToRecord(d)))
                .GroupBy(e => e.Result.RunId)
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyList<StepResultRecord>)[.. g.OrderBy(e => e.Result.StartedAt).ThenBy(e => e.Id).Select(e => e.Result)]);
        });
    }
}
