using LiteDB;

namespace FormationControl.Storage;

/// <summary>
/// Stores the grades of one lot grading in one transaction: the lot's next version, and for each cell its next
/// grade version. Earlier gradings stay as they are.
/// </summary>
internal sealed class LotGradingWrite(LotGrading grading, string storePath) : PendingWrite<LotGrading>
{
    protected override LotGrading Execute(StoreCollections collections)
    {
        foreach (var grade in grading.Grades)
        {
            if (grade.Lot != grading.Lot)
            {
                return Reject(new ArgumentException($"Grade of cell '{grade.CellId}' is of lot '{grade.Lot}', not of the lot '{grading.Lot}' being graded."));
            }

            if (collections.Runs.FindById(grade.RunId) is null)
            {
                return Reject(new KeyNotFoundException(
                    $"Grades of lot '{grading.Lot}' not recorded: run {grade.RunId} of cell '{grade.CellId}' does not exist in the store '{storePath}'."));
            }
        }

        int lotVersion = collections.LotGradings.Find(Query.EQ(LotGradingDocument.Lot, grading.Lot))
            .Select(document => document["version"].AsInt32)
            .DefaultIfEmpty(0)
            .Max() + 1;
        var stored = new List<GradeRecord>(grading.Grades.Count);
        foreach (var grade in grading.Grades)
        {
            int version = collections.Grades.Find(Query.EQ(GradeDocument.Cell, grade.CellId))
                .Select(document => document[GradeDocument.Version].AsInt32)
                .DefaultIfEmpty(0)
                .Max() + 1;
            long id = collections.Grades.Insert(GradeDocument.ForNewGrade(grade, version, lotVersion)).AsInt64;
            stored.Add(grade with { Id = id, Version = version, LotVersion = lotVersion });
        }

        var result = grading with { Version = lotVersion, Grades = stored };
        collections.LotGradings.Insert(LotGradingDocument.From(result));
        return result;
    }
}
