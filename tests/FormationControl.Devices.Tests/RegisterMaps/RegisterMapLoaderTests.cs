using FormationControl.Devices.RegisterMaps;
using FormationControl.Modbus.Data;
using FormationControl.Modbus.Protocol;

namespace FormationControl.Devices.Tests.RegisterMaps;

public class RegisterMapLoaderTests
{
    [Fact]
    public void Loads_the_simulated_cycler_map()
    {
        var map = RegisterMapLoader.Load(RepositoryFiles.Path("profiles", "devices", "sim-cycler-v1.json"));

        Assert.Equal("sim-cycler-v1", map.Name);
        Assert.Equal(20, map.Channel.Stride);
        var current = map.Channel.Field("current");
        Assert.Equal(ModbusTable.InputRegisters, current.Table);
        Assert.Equal(RegisterType.I32, current.Type);
        Assert.Equal(0.0001, current.Scale);
        Assert.Equal(FieldAccess.ReadWrite, map.Channel.Field("command").Access);
        Assert.Equal((ushort)(1000 + (3 * 20) + 6), map.Channel.AddressOf(current, 3));
        Assert.Equal(20, map.Channel.SpanOf(ModbusTable.InputRegisters));
    }

    [Fact]
    public void Names_file_and_path_of_a_missing_property()
    {
        const string json = """{ "name": "x", "unitFields": [], "channel": { "maxChannels": 2, "stride": 4, "base": { "holding": 0 }, "fields": [] } }""";
        var e = Assert.Throws<RegisterMapException>(() => RegisterMapLoader.Parse(json, "x.json"));
        Assert.Contains("x.json", e.Message);
        Assert.Contains("$.channel.base", e.Message);
        Assert.Contains("'input'", e.Message);
    }

    [Fact]
    public void Names_line_and_column_of_invalid_json()
    {
        var e = Assert.Throws<RegisterMapException>(() => RegisterMapLoader.Parse("{\n  \"name\": ,\n}", "bad.json"));
        Assert.StartsWith("bad.json:2:", e.Message);
    }

    [Fact]
    public void Refuses_overlapping_fields()
    {
        const string json = """
            { "name": "x", "unitFields": [], "channel": { "maxChannels": 2, "stride": 8, "base": { "holding": 0, "input": 0 },
              "fields": [ { "name": "a", "table": "input", "offset": 0, "type": "u32" }, { "name": "b", "table": "input", "offset": 1, "type": "u16" } ] } }
            """;
        var e = Assert.Throws<RegisterMapException>(() => RegisterMapLoader.Parse(json, "x.json"));
        Assert.Contains("'a' and 'b' overlap", e.Message);
    }

    [Fact]
    public void Refuses_a_field_beyond_the_stride()
    {
        const string json = """
            { "name": "x", "unitFields": [], "channel": { "maxChannels": 2, "stride": 4, "base": { "holding": 0, "input": 0 },
              "fields": [ { "name": "a", "table": "input", "offset": 3, "type": "f32", "wordOrder": "CDAB" } ] } }
            """;
        var e = Assert.Throws<RegisterMapException>(() => RegisterMapLoader.Parse(json, "x.json"));
        Assert.Contains("exceeds the stride", e.Message);
    }

    [Fact]
    public void Reads_word_order_and_unknown_table_is_an_error()
    {
        const string ok = """
            { "name": "x", "unitFields": [], "channel": { "maxChannels": 2, "stride": 4, "base": { "holding": 0, "input": 0 },
              "fields": [ { "name": "a", "table": "input", "offset": 0, "type": "f32", "wordOrder": "CDAB" } ] } }
            """;
        Assert.Equal(WordOrder.CDAB, RegisterMapLoader.Parse(ok, "x.json").Channel.Field("a").WordOrder);
        var e = Assert.Throws<RegisterMapException>(() => RegisterMapLoader.Parse(ok.Replace("\"input\", \"offset\"", "\"inputs\", \"offset\""), "x.json"));
        Assert.Contains("$.channel.fields[0]", e.Message);
        Assert.Contains("'inputs'", e.Message);
    }
}
