using FormationControl.Controller.Configuration;
using FormationControl.Controller.Tests.Support;

namespace FormationControl.Controller.Tests.Configuration;

public sealed class RackConfigLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fc-rack-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_sample_rack_loads_with_paths_taken_from_its_folder()
    {
        string path = Path.Combine(RepositoryPaths.Root, "profiles", "racks", "sim-rack-2x64.json");
        var result = RackConfigLoader.LoadFile(path);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var rack = result.Config!;
        Assert.Equal(["U01", "U02"], rack.Units.Select(u => u.Name));
        Assert.Equal(128, rack.ChannelCount);
        Assert.Equal(new TcpTransport("127.0.0.1", 5020), rack.Units[1].Transport);
        Assert.Equal(2, rack.Units[1].UnitId);
        Assert.Equal(RepositoryPaths.SimMap, rack.Units[0].RegisterMapPath);
        Assert.Equal(256, rack.Units[0].RegisterMap.Channel.MaxChannels);
        Assert.Equal(TimeSpan.FromSeconds(1), rack.PollInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(500), rack.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), rack.WatchdogPeriod);
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "data", "sim-rack.db"), rack.StoragePath);
        Assert.True(rack.Http.IsLoopback);
    }

    [Fact]
    public void A_serial_unit_gets_its_line_settings_and_defaults()
    {
        var result = Load(Rack(units: Unit("S1", """{ "type": "serial", "device": "/dev/ttyUSB0", "baudRate": 115200, "parity": "even" }""")));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(new SerialTransport("/dev/ttyUSB0", 115200, "even", 8, 1), result.Config!.Units[0].Transport);
    }

    [Theory]
    [InlineData("\"channels\": 64", "\"channels\": 300", "$.units[0].channels", "300 is out of range; expected 1 to 256")]
    [InlineData("\"unitId\": 1", "\"unitId\": 0", "$.units[0].unitId", "0 is out of range; expected 1 to 247")]
    [InlineData("\"port\": 5020", "\"port\": \"5020\"", "$.units[0].transport.port", "expected a whole number from 1 to 65535, not a string")]
    [InlineData("\"type\": \"tcp\"", "\"type\": \"udp\"", "$.units[0].transport.type", "unknown transport type 'udp'")]
    [InlineData("\"pollInterval\": \"1 s\"", "\"pollInterval\": 1", "$.pollInterval", "a bare number has no unit")]
    [InlineData("\"watchdogPeriod\": \"10 s\"", "\"watchdogPeriod\": \"1 s\"", "$.watchdogPeriod", "must be longer than the poll interval")]
    [InlineData("\"requestTimeout\": \"500 ms\"", "\"requestTimeout\": \"2 s\"", "$.requestTimeout", "must be shorter than the poll interval")]
    [InlineData("\"registerMap\": \"MAP\"", "\"registerMap\": \"nope.json\"", "$.units[0].registerMap", "register map 'nope.json' not found")]
    [InlineData("\"unitId\": 1", "\"unitid\": 1", "$.units[0].unitid", "unknown field 'unitid' in a unit; did you mean 'unitId'?")]
    public void A_bad_value_is_reported_at_its_json_path_and_line(string good, string bad, string path, string message)
    {
        string json = Rack(units: Unit("U01", """{ "type": "tcp", "host": "127.0.0.1", "port": 5020 }""")).Replace(good, bad, StringComparison.Ordinal);
        var result = Load(json);

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Diagnostics, d => d.JsonPath == path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        int line = json.Split('\n').Select((text, i) => (text, i)).First(l => l.text.Contains(bad, StringComparison.Ordinal)).i + 1;
        Assert.Equal(line, problem.Line);
        Assert.StartsWith(Path.Combine(_dir, "rack.json") + ":" + line + ":", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_communication_loss_timeout_defaults_to_ten_minutes_and_must_outlast_the_watchdog()
    {
        string rack = Rack(units: Unit("U01", """{ "type": "tcp", "host": "127.0.0.1", "port": 5020 }"""));
        var byDefault = Load(rack);
        Assert.True(byDefault.Succeeded, string.Join("\n", byDefault.Diagnostics));
        Assert.Equal(TimeSpan.FromMinutes(10), byDefault.Config!.CommLossTimeout);

        var given = Load(rack.Replace("\"storage\"", "\"commLossTimeout\": \"2 min\", \"storage\"", StringComparison.Ordinal));
        Assert.True(given.Succeeded, string.Join("\n", given.Diagnostics));
        Assert.Equal(TimeSpan.FromMinutes(2), given.Config!.CommLossTimeout);

        var tooShort = Load(rack.Replace("\"storage\"", "\"commLossTimeout\": \"5 s\", \"storage\"", StringComparison.Ordinal));
        var problem = Assert.Single(tooShort.Diagnostics);
        Assert.Equal("$.commLossTimeout", problem.JsonPath);
        Assert.Contains("must be longer than the watchdog period (10 s)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_units_with_one_name_or_one_address_are_refused()
    {
        var tcp = """{ "type": "tcp", "host": "10.0.0.5", "port": 502 }""";
        var result = Load(Rack(units: Unit("U01", tcp) + ",\n" + Unit("U01", tcp.Replace("502", "503", StringComparison.Ordinal)) + ",\n" + Unit("U03", tcp)));

        Assert.Contains(result.Diagnostics, d => d.JsonPath == "$.units[1]" && d.Message == "unit name 'U01' is already used by $.units[0]");
        Assert.Contains(result.Diagnostics, d => d.JsonPath == "$.units[2]" && d.Message == "tcp://10.0.0.5:502 unit 1 is already configured at $.units[0]");
    }

    [Fact]
    public void An_api_bound_beyond_loopback_needs_a_token()
    {
        string open = Rack(units: Unit("U01", """{ "type": "tcp", "host": "127.0.0.1", "port": 5020 }"""))
            .Replace("\"http\": { \"port\": 8750 }", "\"http\": { \"host\": \"0.0.0.0\", \"port\": 8750 }", StringComparison.Ordinal);
        var refused = Load(open);
        Assert.Contains(refused.Diagnostics, d => d.JsonPath == "$.http" && d.Message.Contains("set a 'token'", StringComparison.Ordinal));

        var accepted = Load(open.Replace("\"port\": 8750 }", "\"port\": 8750, \"token\": \"s3cret\" }", StringComparison.Ordinal));
        Assert.True(accepted.Succeeded, string.Join("\n", accepted.Diagnostics));
        Assert.Equal("s3cret", accepted.Config!.Http.Token);
        Assert.False(accepted.Config.Http.IsLoopback);
    }

    [Fact]
    public void Invalid_json_and_missing_fields_are_all_reported()
    {
        var broken = Load("{ \"name\": \"r\", }");
        Assert.Contains("invalid JSON", Assert.Single(broken.Diagnostics).Message, StringComparison.Ordinal);

        var empty = Load("{ \"name\": \"r\", \"units\": [] }");
        Assert.Contains(empty.Diagnostics, d => d.JsonPath == "$.units" && d.Message.Contains("non-empty array", StringComparison.Ordinal));
        Assert.Contains(empty.Diagnostics, d => d.Message.Contains("needs a 'pollInterval'", StringComparison.Ordinal));
        Assert.Contains(empty.Diagnostics, d => d.Message.Contains("needs a 'watchdogPeriod'", StringComparison.Ordinal));
        Assert.Contains(empty.Diagnostics, d => d.Message.Contains("needs a 'storage'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var result = RackConfigLoader.LoadFile(Path.Combine(_dir, "absent.json"));
        Assert.Contains("cannot read the file", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }

    private RackConfigLoadResult Load(string json)
    {
        string path = Path.Combine(_dir, "rack.json");
        File.WriteAllText(path, json.Replace("\"MAP\"", "\"" + RepositoryPaths.SimMap.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"", StringComparison.Ordinal));
        return RackConfigLoader.LoadFile(path);
    }

    private static string Unit(string name, string transport) =>
        $$"""
            { "name": "{{name}}", "transport": {{transport}}, "unitId": 1,
              "registerMap": "MAP", "channels": 64 }
        """;

    private static string Rack(string units) =>
        $$"""
        {
          "name": "test-rack",
          "pollInterval": "1 s",
          "requestTimeout": "500 ms",
          "watchdogPeriod": "10 s",
          "storage": "rack.db",
          "http": { "port": 8750 },
          "units": [
        {{units}}
          ]
        }
        """;
}
