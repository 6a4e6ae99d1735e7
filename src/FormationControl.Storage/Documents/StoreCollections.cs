using LiteDB;

namespace FormationControl.Storage;

/// <summary>The store's LiteDB collections, all keyed by 64-bit ids that LiteDB assigns in order.</summary>
internal sealed class StoreCollections(LiteDatabase database)
{
    public const string RunsName = "runs";
    public const string StepResultsName = "steps";
    public const string GradesName = "grades";
    public const string SamplesName = "samples";
    public const string JournalName = "journal";
    public const string MetaName = "meta";
    public const string LotGradingsName = "lotGradings";
    public const string AgeingName = "ageing";
    public const string HandoffsName = "handoffs";
    public const string AuditName = "audit";
    public const string ReleasesName = "releases";
    public const string CheckpointsName = "checkpoints";
    public const string ProfilesName = "profiles";

    public static IReadOnlyList<string> AllNames { get; } =
        [RunsName, StepResultsName, GradesName, SamplesName, JournalName, MetaName, LotGradingsName, AgeingName, HandoffsName, AuditName, ReleasesName, CheckpointsName, ProfilesName];

    /// <summary>How the database compares strings (index order), e.g. for the bounds of a range query.</summary>
    public Collation Collation { get; } = database.Collation;

    public ILiteCollection<BsonDocument> Runs { get; } = database.GetCollection(RunsName, BsonAutoId.Int64);

    public ILiteCollection<BsonDocument> StepResults { get; } = database.GetCollection(StepResultsName, BsonAutoId.Int64);

    public ILiteCollection<BsonDocument> Grades { get; } = database.GetCollection(GradesName, BsonAutoId.Int64);

    public ILiteCollection<BsonDocument> Samples { get; } = database.GetCollection(SamplesName, BsonAutoId.Int64);

    public ILiteCollection<BsonDocument> Journal { get; } = database.GetCollection(JournalName, BsonAutoId.Int64);

    public ILiteCollection<BsonDocument> Meta { get; } = database.GetCollection(MetaName);

    /// <summary>One document per lot grading, id "lot/version".</summary>
    public ILiteCollection<BsonDocument> LotGradings { get; } = database.GetCollection(LotGradingsName);

    public ILiteCollection<BsonDocument> Ageing { get; } = database.GetCollection(AgeingName, BsonAutoId.Int64);

    /// <summary>One document per handoff, id "lot/version".</summary>
    public ILiteCollection<BsonDocument> Handoffs { get; } = database.GetCollection(HandoffsName);

    /// <summary>Operator actions, in the order they happened; never updated.</summary>
    public ILiteCollection<BsonDocument> Audit { get; } = database.GetCollection(AuditName, BsonAutoId.Int64);

    /// <summary>Released profile hashes, keyed by hash.</summary>
    public ILiteCollection<BsonDocument> Releases { get; } = database.GetCollection(ReleasesName);

    /// <summary>The latest checkpoint of each running run, keyed by run id; deleted when the run ends.</summary>
    public ILiteCollection<BsonDocument> Checkpoints { get; } = database.GetCollection(CheckpointsName);

    /// <summary>Canonical profile texts, keyed by profile hash.</summary>
    public ILiteCollection<BsonDocument> Profiles { get; } = database.GetCollection(ProfilesName);
}
