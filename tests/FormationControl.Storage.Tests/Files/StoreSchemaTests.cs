using LiteDB;

namespace FormationControl.Storage.Tests;

public sealed class StoreSchemaTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void LiteDbFileOfSomethingElseIsRefused()
    {
        var path = _directory.File("crm.db");
        using (var other = OpenLiteDb(path))
        {
            other.GetCollection("customers").Insert(new BsonDocument { ["name"] = "ACME" });
        }

        var error = Assert.Throws<StorageException>(() => StoreFile.Open(path));

        Assert.Contains("customers", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewerSchemaIsRefused()
    {
        var path = _directory.File("future.db");
        StoreFile.Open(path).Dispose();
        using (var database = OpenLiteDb(path))
        {
            database.GetCollection(StoreCollections.MetaName).Update(new BsonDocument { ["_id"] = "schema", ["version"] = 99 });
        }

        var error = Assert.Throws<StorageException>(() => StoreFile.Open(path));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewStoreGetsEveryIndex()
    {
        var path = _directory.File("new.db");
        StoreFile.Open(path).Dispose();

        using var database = OpenLiteDb(path);
        var indexes = database.GetCollection("$indexes").FindAll().Select(i => $"{i["collection"].AsString}.{i["name"].AsString}").ToList();

        Assert.Contains("runs.cell", indexes);
        Assert.Contains("steps.run", indexes);
        Assert.Contains("grades.cell", indexes);
        Assert.Contains("grades.lot", indexes);
        Assert.Contains("grades.cellVersion", indexes);
        Assert.Contains("samples.r", indexes);
    }

    [Fact]
    public void OpeningACompleteStoreWritesNothing()
    {
        var path = _directory.File("complete.db");
        StoreFile.Open(path).Dispose();
        var logPath = _directory.File("complete-log.db");
        Assert.False(File.Exists(logPath));
        var before = File.ReadAllBytes(path);

        using (var file = StoreFile.Open(path))
        {
            Assert.False(File.Exists(logPath));
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    private static LiteDatabase OpenLiteDb(string path) =>
        new(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
}
