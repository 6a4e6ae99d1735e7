using LiteDB;

namespace FormationControl.Storage;

/// <summary>
/// Makes a LiteDB file a FormationControl store: checks what it holds and creates missing indexes.
/// Writes nothing when the file is already complete, so opening never needs the log file.
/// </summary>
internal static class StoreSchema
{
    public const int Version = 1;
    private const string SchemaId = "schema";

    private static readonly (string Collection, string Name, string Expression, bool Unique)[] Indexes =
    [
        (StoreCollections.RunsName, RunDocument.Cell, "$." + RunDocument.Cell, false),
        (StoreCollections.StepResultsName, StepResultDocument.Run, "$." + StepResultDocument.Run, false),
        (StoreCollections.GradesName, GradeDocument.Cell, "$." + GradeDocument.Cell, false),
        (StoreCollections.GradesName, GradeDocument.Lot, "$." + GradeDocument.Lot, false),

        // Guards "nothing is overwritten": one document per (cell, version). A version has no '/', so keys cannot collide.
        (StoreCollections.GradesName, "cellVersion", $"$.{GradeDocument.Cell} + '/' + STRING($.{GradeDocument.Version})", true),
        (StoreCollections.SamplesName, SampleBlockDocument.Run, "$." + SampleBlockDocument.Run, false),
        (StoreCollections.LotGradingsName, LotGradingDocument.Lot, "$." + LotGradingDocument.Lot, false),
        (StoreCollections.AgeingName, AgeingDocument.Cell, "$." + AgeingDocument.Cell, false),
        (StoreCollections.HandoffsName, HandoffDocument.Status, "$." + HandoffDocument.Status, false),
    ];

    /// <exception cref="StorageException">The file holds something else, or a schema this build does not know.</exception>
    public static void Ensure(LiteDatabase database, string path)
    {
        var collections = new StoreCollections(database);
        var schema = collections.Meta.FindById(SchemaId);
        if (schema is null)
        {
            var foreign = database.GetCollectionNames().Except(StoreCollections.AllNames).ToList();
            if (foreign.Count > 0)
            {
                throw new StorageException(
                    $"Cannot open the store '{path}': it is a LiteDB file of something else (it holds {string.Join(", ", foreign)}).",
                    path);
            }
        }
        else if (schema["version"] != Version)
        {
            throw new StorageException(
                $"Cannot open the store '{path}': it has schema version {schema["version"]}; this build reads version {Version}.",
                path);
        }

        var existing = database.GetCollection("$indexes").FindAll()
            .Select(index => (index["collection"].AsString, index["name"].AsString))
            .ToHashSet();
        foreach (var (collection, name, expression, unique) in Indexes)
        {
            if (!existing.Contains((collection, name)))
            {
                database.GetCollection(collection).EnsureIndex(name, expression, unique);
            }
        }

        if (schema is null)
        {
            collections.Meta.Insert(new BsonDocument { ["_id"] = SchemaId, ["version"] = Version });
        }
    }
}
