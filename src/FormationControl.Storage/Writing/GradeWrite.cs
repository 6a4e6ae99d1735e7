using LiteDB;

namespace FormationControl.Storage;

/// <summary>Stores a grade as the cell's next version; earlier grades stay as they are.</summary>
internal sealed class GradeWrite(GradeRecord grade, string storePath) : PendingWrite<GradeRecord>
{
    protected override GradeRecord Execute(StoreCollections collections)
    {
        if (collections.Runs.FindById(grade.RunId) is null)
        {
            return Reject(new KeyNotFoundException(
                $"Grade of cell '{grade.CellId}' not recorded: run {grade.RunId} does not exist in the store '{storePath}'."));
        }

        // Reads inside the writer's transaction see grades written earlier in the same batch.
        var latest = collections.Grades.Find(Query.EQ(GradeDocument.Cell, grade.CellId))
            .Select(document => document[GradeDocument.Version].AsInt32)
            .DefaultIfEmpty(0)
            .Max();
        var version = latest + 1;
        var id = collections.Grades.Insert(GradeDocument.ForNewGrade(grade, version, grade.LotVersion)).AsInt64;
        return grade with { Id = id, Version = version };
    }
}
