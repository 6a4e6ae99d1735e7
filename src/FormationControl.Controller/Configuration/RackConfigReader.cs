using FormationControl.Core.Json;
using static FormationControl.Controller.Configuration.ConfigValues;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Controller.Configuration;

/// <summary>Reads the root object of a rack configuration and checks what spans several fields.</summary>
internal static class RackConfigReader
{
    private static readonly string[] Fields =
        ["$schema", "name", "units", "pollInterval", "requestTimeout", "connectTimeout", "watchdogPeriod", "commLossTimeout", "storage", "http"];

    private static readonly string[] HttpFields = ["host", "port", "token"];

    public static RackConfig? Read(JsonSourceNode root, string baseDirectory, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(root, "the rack configuration", Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        int before = diagnostics.Count;
        string? name = ReadString(fields.Required("name"), diagnostics);
        var units = ReadUnits(fields.Required("units"), baseDirectory, diagnostics);
        var pollNode = fields.Required("pollInterval");
        var poll = ReadDuration(pollNode, diagnostics);
        var request = fields.Optional("requestTimeout") is { } r ? ReadDuration(r, diagnostics) : TimeSpan.FromSeconds(1);
        var connect = fields.Optional("connectTimeout") is { } c ? ReadDuration(c, diagnostics) : TimeSpan.FromSeconds(5);
        var watchdogNode = fields.Required("watchdogPeriod", "(the units turn their outputs off when the controller is silent this long)");
        var watchdog = ReadDuration(watchdogNode, diagnostics);
        var commLossNode = fields.Optional("commLossTimeout");
        var commLoss = commLossNode is not null ? ReadDuration(commLossNode, diagnostics) : RackConfig.DefaultCommLossTimeout;
        string? storage = ReadString(fields.Required("storage", "(the LiteDB file the records go to)"), diagnostics);
        var http = fields.Optional("http") is { } h ? ReadHttp(h, diagnostics) : HttpConfig.Default;

        if (poll is { } p && watchdog is { } w && w <= p)
        {
            diagnostics.Report(watchdogNode!, $"the watchdog period ({w.TotalSeconds:0.###} s) must be longer than the poll interval ({p.TotalSeconds:0.###} s), or the units turn their outputs off between polls");
        }

        if (commLossNode is not null && watchdog is { } w2 && commLoss is { } cl && cl <= w2)
        {
            diagnostics.Report(commLossNode, $"the communication-loss timeout ({cl.TotalSeconds:0.###} s) must be longer than the watchdog period ({w2.TotalSeconds:0.###} s): channels give up only after their outputs are off");
        }

        if (poll is { } p2 && request is { } rq && rq >= p2 && units is { Count: > 0 })
        {
            diagnostics.Report(fields.Optional("requestTimeout") ?? pollNode!, $"the request timeout ({rq.TotalSeconds:0.###} s) must be shorter than the poll interval ({p2.TotalSeconds:0.###} s), so a silent unit is noticed within one poll");
        }

        if (diagnostics.Count > before || name is null || units is null || storage is null || http is null || commLoss is null)
        {
            return null;
        }

        return new RackConfig(name, units, poll!.Value, request!.Value, connect!.Value, watchdog!.Value, ResolvePath(storage, baseDirectory), http)
        {
            CommLossTimeout = commLoss.Value,
        };
    }

    private static List<UnitConfig>? ReadUnits(JsonSourceNode? node, string baseDirectory, DiagnosticList diagnostics)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonSourceArray { Items.Count: > 0 } array)
        {
            diagnostics.Report(node, $"expected a non-empty array of units, not {(node is JsonSourceArray ? "an empty array" : node.KindDescription)}");
            return null;
        }

        var units = new List<UnitConfig>();
        var names = new Dictionary<string, JsonSourceNode>(StringComparer.Ordinal);
        var addresses = new Dictionary<string, JsonSourceNode>(StringComparer.Ordinal);
        foreach (var item in array.Items)
        {
            if (UnitConfigReader.Read(item, baseDirectory, diagnostics) is not { } unit)
            {
                continue;
            }

            if (!names.TryAdd(unit.Name, item))
            {
                diagnostics.Report(item, $"unit name '{unit.Name}' is already used by {names[unit.Name].Path}");
                continue;
            }

            string address = $"{unit.Transport} unit {unit.UnitId}";
            if (!addresses.TryAdd(address, item))
            {
                diagnostics.Report(item, $"{address} is already configured at {addresses[address].Path}");
                continue;
            }

            units.Add(unit);
        }

        return units.Count == array.Items.Count ? units : null;
    }

    private static HttpConfig? ReadHttp(JsonSourceNode node, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(node, "the http section", HttpFields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        string? host = fields.Optional("host") is { } h ? ReadString(h, diagnostics) : HttpConfig.DefaultHost;
        int? port = fields.Optional("port") is { } p ? ReadInt(p, 1, 65535, diagnostics) : HttpConfig.DefaultPort;
        string? token = fields.Optional("token") is { } t ? ReadString(t, diagnostics) : null;
        if (host is null || port is null)
        {
            return null;
        }

        var http = new HttpConfig(host, port.Value, token);
        if (!http.IsLoopback && token is null)
        {
            diagnostics.Report(node, $"the API is bound to {host}, reachable from other machines: set a 'token' so that writes are authenticated (or bind to 127.0.0.1)");
            return null;
        }

        return http;
    }
}
