using LiteDB;

namespace FormationControl.Storage.Tests;

public class DocumentReaderTests
{
    private static readonly BsonDocument Document = new()
    {
        ["_id"] = 6L,
        ["name"] = "x",
        ["small"] = 4,
        ["when"] = "yesterday",
        ["nothing"] = BsonValue.Null,
    };

    [Fact]
    public void WrongTypeNamesDocumentFieldAndTypes()
    {
        var error = Assert.Throws<InvalidDataException>(() => new DocumentReader("things", Document).Double("name"));

        Assert.Equal("Document things/6: field 'name' holds a String, not a Double.", error.Message);
    }

    [Fact]
    public void MissingRequiredFieldIsAnError() =>
        Assert.Throws<InvalidDataException>(() => new DocumentReader("things", Document).String("nothing"));

    [Fact]
    public void OptionalFieldMayBeNullOrAbsent()
    {
        var read = new DocumentReader("things", Document);

        Assert.Null(read.OptionalString("nothing"));
        Assert.Null(read.OptionalDouble("absent"));
        Assert.Null(read.OptionalTime("absent"));
    }

    [Fact]
    public void Int32IsReadAsInt64() => Assert.Equal(4L, new DocumentReader("things", Document).Int64("small"));

    [Fact]
    public void TextThatIsNotAnInstantIsAnError()
    {
        var error = Assert.Throws<InvalidDataException>(() => new DocumentReader("things", Document).Time("when"));

        Assert.Contains("'yesterday' is not an ISO 8601 instant", error.Message, StringComparison.Ordinal);
    }
}
