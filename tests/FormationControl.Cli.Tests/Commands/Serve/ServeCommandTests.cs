using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FormationControl.Cli.Tests.Support;
using FormationControl.Storage;

namespace FormationControl.Cli.Tests.Commands.Serve;

/// <summary>
/// <c>fc serve</c> as a real child process on a free port, a simulated unit served by this test process over loopback
/// Modbus TCP, and the operator commands (<c>fc start</c>, <c>status</c>, <c>pause</c> ...) as real processes too.
/// </summary>
[Collection(InProcessRack.Name)]
public sealed partial class ServeCommandTests : IAsyncLifetime
{
    private const string Profile = """
        {
          "name": "serve-smoke", "version": "1.0.0",
          "cell": { "chemistry": "NMC", "nominalCapacity": "100 Ah", "nominalVoltage": "3.65 V", "minVoltage": "2.5 V", "maxVoltage": "4.2 V",
                    "maxChargeCurrent": "1C", "maxDischargeCurrent": "1C", "maxTemperature": "60 degC" },
          "safety": { "minVoltage": "2.4 V", "maxVoltage": "4.25 V", "maxCurrent": "120 A", "maxTemperature": "55 degC", "maxStepDuration": "1 h", "maxTotalDuration": "1 h" },
          "logging": { "interval": "1 s" },
          "steps": [
            { "label": "charge", "type": "chargeCc", "current": "C/2", "limits": [ { "time": "10 min" } ] },
            { "label": "settle", "type": "rest", "limits": [ { "time": "1 s" } ] }
          ]
        }
        """;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("fc-serve-").FullName;
    private LoopbackCyclerUnit _unit = null!;

    private string Db => Path.Combine(_folder, "rack.db");

    public Task InitializeAsync()
    {
        _unit = new LoopbackCyclerUnit();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _unit.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_shift_through_the_service_starts_pauses_resumes_stops_and_acknowledges_and_every_action_is_audited()
    {
        await using var serve = FcProcess.Start("serve", "--config", Rack(), "--port", "0");
        string url = await ListeningUrlAsync(serve);

        var start = await FcProcess.RunAsync("start", "--server", url, "--profile", ProfileFile("serve-smoke.json", Profile), "--channels", "1-2",
            "--cells", Tray("1,CELL-A", "2,CELL-B", "3,CELL-C"), "--engineering", "--role", "engineer", "--by", "Erik", "--lot", "LOT-9");
        Assert.True(start.ExitCode == 0, $"exit {start.ExitCode}\n{start.Stdout}\n{start.Stderr}");
        Assert.Contains("start: 2 accepted, 0 refused", start.Stdout, StringComparison.Ordinal);

        string tripping = ProfileFile("tripping.json", Profile.Replace("\"maxVoltage\": \"4.25 V\"", "\"maxVoltage\": \"3.0 V\"", StringComparison.Ordinal));
        var trip = await FcProcess.RunAsync("start", "--server", url, "--profile", tripping, "--channels", "3", "--cells", Tray("3,CELL-C"),
            "--engineering", "--role", "engineer", "--by", "Erik");
        Assert.True(trip.ExitCode == 0, $"exit {trip.ExitCode}\n{trip.Stdout}\n{trip.Stderr}");

        await Operate(url, "pause", "1", "Tina");
        await UntilStateAsync(url, 1, "PausedByOperator");
        await Operate(url, "resume", "1", "Tina");
        await UntilStateAsync(url, 1, "InStep");
        await Operate(url, "stop", "2", "Tina");
        await UntilStateAsync(url, 2, "Aborted");
        await UntilStateAsync(url, 3, "Faulted");
        await Operate(url, "ack", "3", "Tina");
        await UntilStateAsync(url, 3, "Acknowledged");

        var table = await FcProcess.RunAsync("status", "--server", url);
        Assert.Equal(0, table.ExitCode);
        Assert.True(Regex.IsMatch(table.Stdout, @"(?m)^\s+1 U01/1\s+(InStep|Starting)\s+CELL-A\s+\d+ 1 charge"), table.Stdout);
        Assert.Contains("unit U01", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 channel(s) with a run, 1 idle", table.Stdout, StringComparison.Ordinal);

        serve.Terminate();
        Assert.True(await serve.WaitForExitAsync(Bound) == 0, serve.Stderr);
        Assert.Contains("pause by Tina (technician) channels 1: 1 accepted, 0 refused", serve.Stdout, StringComparison.Ordinal);
        Assert.Contains("unit U01 at tcp://127.0.0.1:", serve.Stdout, StringComparison.Ordinal);
        Assert.Contains("fc serve: stopped", serve.Stdout, StringComparison.Ordinal);

        await using var store = FormationStore.Open(Db, TimeProvider.System);
        var audit = store.GetAudit();
        Assert.Equal(3, audit.Count(a => a.Action == "start" && a.Accepted && a.Operator == "Erik" && a.Role == "engineer"));
        foreach (var (action, target) in new[] { ("pause", "U01/1"), ("resume", "U01/1"), ("stop", "U01/2"), ("acknowledge", "U01/3") })
        {
            Assert.Single(audit, a => a.Action == action && a.Target == target && a.Accepted && a.Operator == "Tina" && a.Role == "technician");
        }

        Assert.Equal(["CELL-A", "CELL-B"], store.GetRunsOfLot("LOT-9").Select(r => r.CellId).Order());
    }

    [Fact]
    public async Task A_service_killed_with_sigkill_reattaches_its_runs_when_started_again_and_records_every_step_once()
    {
        string rack = Rack();
        string profile = ProfileFile("steps.json", Profile.Replace("\"time\": \"10 min\"", "\"time\": \"3 s\"", StringComparison.Ordinal));
        await using (var first = FcProcess.Start("serve", "--config", rack, "--port", "0"))
        {
            string url = await ListeningUrlAsync(first);
            var start = await FcProcess.RunAsync("start", "--server", url, "--profile", profile, "--channels", "1-2",
                "--cells", Tray("1,CELL-A", "2,CELL-B"), "--engineering", "--role", "engineer", "--by", "Erik");
            Assert.True(start.ExitCode == 0, $"exit {start.ExitCode}\n{start.Stdout}\n{start.Stderr}");
            await UntilStateAsync(url, 1, "InStep");
            await first.KillAsync(Bound);
        }

        await using var second = FcProcess.Start("serve", "--config", rack, "--port", "0");
        string again = await ListeningUrlAsync(second);
        await UntilStateAsync(again, 1, "Completed");
        await UntilStateAsync(again, 2, "Completed");
        second.Terminate();
        Assert.True(await second.WaitForExitAsync(Bound) == 0, second.Stderr);
        Assert.Contains("recovered 2 runs", second.Stdout, StringComparison.Ordinal);

        await using var store = FormationStore.Open(Db, TimeProvider.System);
        foreach (var run in store.GetRuns())
        {
            Assert.Equal(RunStatus.Completed, run.Status);
            var steps = store.GetStepResults(run.Id);
            Assert.Equal(["charge", "settle"], steps.Select(s => s.Label));
            Assert.Equal(3, steps[0].DurationS, 0.05); // the device's step, run once: not restarted by the second service
        }

        Assert.Equal(2, store.GetAudit().Count(a => a is { Action: "recover", Accepted: true }));
    }

    [Fact]
    public async Task A_refused_operation_exits_non_zero_and_names_each_refusal()
    {
        await using var serve = FcProcess.Start("serve", "--config", Rack(), "--port", "0");
        string url = await ListeningUrlAsync(serve);

        var (code, stdout, stderr) = await FcProcess.RunAsync("jump", "--server", url, "--channel", "2", "--step", "settle", "--by", "Tina");

        Assert.Equal(1, code);
        Assert.Contains("jump: 0 accepted, 1 refused", stdout, StringComparison.Ordinal);
        Assert.Contains("channel 2 (U01/2) jump refused: a jump to step settle needs the engineer role", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listening_beyond_loopback_without_a_token_is_refused_before_anything_starts()
    {
        var (code, stdout, stderr) = await FcProcess.RunAsync("serve", "--config", Rack(), "--host", "0.0.0.0", "--port", "0");

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        Assert.Contains("the API would listen on 0.0.0.0, reachable from other machines, without a token", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_token_a_write_without_it_gets_401_while_status_is_open()
    {
        await using var serve = FcProcess.Start("serve", "--config", Rack(token: "s3cret-token"), "--host", "0.0.0.0", "--port", "0");
        string url = "http://127.0.0.1:" + new Uri(await ListeningUrlAsync(serve)).Port;

        var denied = await FcProcess.RunAsync("pause", "--server", url, "--channels", "1", "--by", "Tina");
        var wrong = await FcProcess.RunAsync("pause", "--server", url, "--channels", "1", "--by", "Tina", "--token", "guess");
        var status = await FcProcess.RunAsync("status", "--server", url, "--json");
        var allowed = await FcProcess.RunAsync("pause", "--server", url, "--channels", "1", "--by", "Tina", "--token", "s3cret-token");

        Assert.Equal(1, denied.ExitCode);
        Assert.Contains("refused the request (401, no token given)", denied.Stderr, StringComparison.Ordinal);
        Assert.Contains("refused the request (401, wrong token)", wrong.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
        using var json = JsonDocument.Parse(status.Stdout);
        Assert.Equal("test-rack", json.RootElement.GetProperty("rack").GetString());
        Assert.Contains("pause: 0 accepted, 1 refused", allowed.Stdout, StringComparison.Ordinal);
        Assert.Contains("the channel has no run", allowed.Stdout, StringComparison.Ordinal);

        serve.Terminate();
        Assert.True(await serve.WaitForExitAsync(Bound) == 0, serve.Stderr);
        await using var store = FormationStore.Open(Db, TimeProvider.System);
        Assert.Single(store.GetAudit()); // the two unauthenticated writes never reached the rack
    }

    [Fact]
    public async Task A_command_without_a_service_names_the_url_it_tried()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (code, _, stderr) = await FcProcess.RunAsync("status", "--server", $"http://127.0.0.1:{port}");

        Assert.Equal(3, code);
        Assert.StartsWith($"fc: no service answers at http://127.0.0.1:{port} (is 'fc serve' running there?)", stderr, StringComparison.Ordinal);
    }

    private static async Task Operate(string url, string action, string channels, string by)
    {
        var (code, stdout, stderr) = await FcProcess.RunAsync(action, "--server", url, "--channels", channels, "--by", by);
        Assert.True(code == 0, $"fc {action}: exit {code}\n{stdout}\n{stderr}");
        Assert.Contains($"{action}: 1 accepted, 0 refused", stdout, StringComparison.Ordinal);
    }

    // Each try runs `fc status --json` to its end; the whole wait is bounded.
    private static async Task UntilStateAsync(string url, int channel, string state)
    {
        using var limit = new CancellationTokenSource(Bound);
        string last = string.Empty;
        while (!limit.IsCancellationRequested)
        {
            var (code, stdout, stderr) = await FcProcess.RunAsync("status", "--server", url, "--json");
            Assert.True(code == 0, $"fc status: exit {code}\n{stderr}");
            using var json = JsonDocument.Parse(stdout);
            var entry = json.RootElement.GetProperty("channels")[channel - 1];
            last = entry.GetProperty("state").GetString()!;
            if (last == state)
            {
                return;
            }
        }

        Assert.Fail($"channel {channel} did not reach {state} within {Bound.TotalSeconds} s; last {last}");
    }

    private static async Task<string> ListeningUrlAsync(FcProcess serve)
    {
        string line = await serve.FirstLineAsync(Bound);
        var match = ApiUrl().Match(line);
        Assert.True(match.Success, $"no API address in '{line}'\n{serve.Stderr}");
        return match.Value;
    }

    [GeneratedRegex(@"http://[0-9.]+:\d+")]
    private static partial Regex ApiUrl();

    private string Rack(string? token = null)
    {
        string map = LoopbackCyclerUnit.MapPath.Replace("\\", "/", StringComparison.Ordinal);
        string tokenField = token is null ? string.Empty : $", \"token\": \"{token}\"";
        string path = Path.Combine(_folder, "rack.json");
        File.WriteAllText(path, $$"""
            {
              "name": "test-rack", "pollInterval": "300 ms", "requestTimeout": "250 ms", "connectTimeout": "2 s", "watchdogPeriod": "10 s",
              "storage": "rack.db", "http": { "host": "127.0.0.1", "port": 8750{{tokenField}} },
              "units": [ { "name": "U01", "transport": { "type": "tcp", "host": "127.0.0.1", "port": {{_unit.Port}} }, "unitId": 1,
                           "registerMap": "{{map}}", "channels": 4 } ]
            }
            """);
        return path;
    }

    private string ProfileFile(string name, string json)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private string Tray(params string[] lines)
    {
        string path = Path.Combine(_folder, $"tray-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, ["position,barcode", .. lines]);
        return path;
    }
}
