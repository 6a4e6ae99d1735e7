using System.Text.Json;
using FormationControl.Core.Json;

namespace FormationControl.Core.Tests.Json;

public class JsonSourceParserTests
{
    private static (JsonSourceNode? Root, DiagnosticList Diagnostics) Parse(string json)
    {
        var diagnostics = new DiagnosticList("test.json");
        return (JsonSourceParser.Parse(json, diagnostics), diagnostics);
    }

    [Fact]
    public void Nodes_carry_path_line_and_column()
    {
        const string json = "{\n  \"name\": \"x\",\n  \"steps\": [\n    { \"current\": \"C/10\" },\n    7\n  ]\n}";
        var (root, diagnostics) = Parse(json);
        Assert.Equal(0, diagnostics.Count);
        var obj = Assert.IsType<JsonSourceObject>(root);
        Assert.Equal(("$", new SourceLocation(1, 1)), (obj.Path, obj.Location));

        Assert.True(obj.TryGetValue("name", out var name));
        Assert.Equal(("$.name", new SourceLocation(2, 11), "x"), (name.Path, name.Location, ((JsonSourceScalar)name).Text));
        Assert.Equal(new SourceLocation(2, 3), obj.Properties[0].NameLocation);

        Assert.True(obj.TryGetValue("steps", out var steps));
        var array = Assert.IsType<JsonSourceArray>(steps);
        Assert.Equal(new SourceLocation(3, 12), array.Location);
        var step = Assert.IsType<JsonSourceObject>(array.Items[0]);
        Assert.Equal(("$.steps[0]", new SourceLocation(4, 5)), (step.Path, step.Location));
        Assert.True(step.TryGetValue("current", out var current));
        Assert.Equal(("$.steps[0].current", new SourceLocation(4, 18)), (current.Path, current.Location));
        var number = Assert.IsType<JsonSourceScalar>(array.Items[1]);
        Assert.Equal((JsonValueKind.Number, "7", "$.steps[1]", new SourceLocation(5, 5)), (number.Kind, number.Text, number.Path, number.Location));
    }

    [Fact]
    public void Columns_count_characters_not_utf8_bytes()
    {
        // "µ" and "°" are two bytes each in UTF-8, one character each.
        var (root, _) = Parse("{ \"a\": \"5 µA\", \"b\": \"60 °C\", \"c\": 1 }");
        var obj = (JsonSourceObject)root!;
        Assert.Equal(new SourceLocation(1, 30), obj.Properties[2].NameLocation);
        Assert.True(obj.TryGetValue("c", out var c));
        Assert.Equal(new SourceLocation(1, 35), c.Location);
    }

    [Fact]
    public void Crlf_line_endings_give_the_same_positions()
    {
        var (root, _) = Parse("{\r\n  \"a\": [\r\n    true, null, -1.5e3\r\n  ]\r\n}");
        var items = ((JsonSourceArray)((JsonSourceObject)root!).Properties[0].Value).Items;
        Assert.Equal(
            [(JsonValueKind.True, "true", new SourceLocation(3, 5)), (JsonValueKind.Null, "null", new SourceLocation(3, 11)), (JsonValueKind.Number, "-1.5e3", new SourceLocation(3, 17))],
            items.Cast<JsonSourceScalar>().Select(s => (s.Kind, s.Text, s.Location)));
    }

    [Fact]
    public void Strings_are_unescaped()
    {
        var (root, _) = Parse("{ \"a\\u0062\": \"x\\\"y\\u00b5\" }");
        var property = ((JsonSourceObject)root!).Properties[0];
        Assert.Equal("ab", property.Name);
        Assert.Equal("x\"yµ", ((JsonSourceScalar)property.Value).Text);
    }

    [Theory]
    [InlineData("my key", "$['my key']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("$schema", "$.$schema")]
    [InlineData("2nd", "$['2nd']")]
    [InlineData("", "$['']")]
    public void Awkward_property_names_get_bracketed_paths(string name, string path)
    {
        var (root, _) = Parse(JsonSerializer.Serialize(new Dictionary<string, int> { [name] = 1 }));
        Assert.Equal(path, ((JsonSourceObject)root!).Properties[0].Value.Path);
    }

    [Fact]
    public void Syntax_error_reports_line_column_and_path()
    {
        // The path is the innermost value the reader had entered: a property name with a broken colon is not one yet.
        var (root, diagnostics) = Parse("{\n  \"cell\": {\n    \"chemistry\" \"NMC\"\n  }\n}");
        Assert.Null(root);
        var d = Assert.Single(diagnostics.InFileOrder());
        Assert.Equal(("test.json", 3, 17, "$.cell"), (d.Source, d.Line, d.Column, d.JsonPath));
        Assert.StartsWith("invalid JSON: ", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_comma_is_a_syntax_error()
    {
        var (root, diagnostics) = Parse("{\n  \"steps\": [\n    1,\n  ]\n}");
        Assert.Null(root);
        var d = Assert.Single(diagnostics.InFileOrder());
        Assert.Equal((4, 3, "$.steps"), (d.Line, d.Column, d.JsonPath));
    }

    [Fact]
    public void Comments_are_refused()
    {
        var (_, diagnostics) = Parse("{\n  // a comment\n  \"a\": 1\n}");
        var d = Assert.Single(diagnostics.InFileOrder());
        Assert.Equal((2, 3), (d.Line, d.Column));
    }

    [Fact]
    public void Unterminated_document_is_reported()
    {
        var (root, diagnostics) = Parse("{\n  \"a\": [1, 2");
        Assert.Null(root);
        Assert.Equal(2, Assert.Single(diagnostics.InFileOrder()).Line);
    }

    [Fact]
    public void Content_after_the_root_value_is_reported()
    {
        var (root, diagnostics) = Parse("{}\n{}");
        Assert.Null(root);
        var d = Assert.Single(diagnostics.InFileOrder());
        Assert.Equal((2, 1, "$"), (d.Line, d.Column, d.JsonPath));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Empty_document_is_reported(string json)
    {
        var (root, diagnostics) = Parse(json);
        Assert.Null(root);
        Assert.Contains("empty", Assert.Single(diagnostics.InFileOrder()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_field_is_reported_at_the_second_and_the_first_wins()
    {
        var (root, diagnostics) = Parse("{\n  \"a\": 1,\n  \"a\": 2\n}");
        var d = Assert.Single(diagnostics.InFileOrder());
        Assert.Equal((3, 3, "$.a"), (d.Line, d.Column, d.JsonPath));
        Assert.Equal("duplicate field 'a' (first written at line 2, column 3)", d.Message);
        var obj = (JsonSourceObject)root!;
        Assert.True(obj.TryGetValue("a", out var a));
        Assert.Equal("1", ((JsonSourceScalar)a).Text);
    }
}
