using FormationControl.Core.Json;
using static FormationControl.Controller.Configuration.ConfigValues;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Controller.Configuration;

/// <summary>Reads a unit's "transport": <c>{"type": "tcp", "host", "port"}</c> or <c>{"type": "serial", "device", "baudRate", "parity", "dataBits", "stopBits"}</c>.</summary>
internal static class TransportReader
{
    private static readonly string[] TcpFields = ["type", "host", "port"];
    private static readonly string[] SerialFields = ["type", "device", "baudRate", "parity", "dataBits", "stopBits"];
    private static readonly string[] Parities = ["none", "even", "odd"];

    public static UnitTransport? Read(JsonSourceNode node, DiagnosticList diagnostics)
    {
        string? type = node is JsonSourceObject o && o.TryGetValue("type", out var t) ? ReadString(t, diagnostics) : null;
        switch (type)
        {
            case "tcp":
                return ReadTcp(node, diagnostics);
            case "serial":
                return ReadSerial(node, diagnostics);
            case null when node is JsonSourceObject obj && !obj.TryGetValue("type", out _):
                diagnostics.Report(node, "the transport needs a 'type' field: \"tcp\" or \"serial\"");
                return null;
            case null:
                if (node is not JsonSourceObject)
                {
                    diagnostics.Report(node, $"the transport must be an object, not {node.KindDescription}");
                }

                return null;
            default:
                diagnostics.Report(((JsonSourceObject)node).Properties.First(p => p.Name == "type").Value, $"unknown transport type '{type}'; expected \"tcp\" or \"serial\"");
                return null;
        }
    }

    private static TcpTransport? ReadTcp(JsonSourceNode node, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(node, "a TCP transport", TcpFields, diagnostics)!;
        string? host = ReadString(fields.Required("host"), diagnostics);
        int? port = ReadInt(fields.Required("port"), 1, 65535, diagnostics);
        return host is not null && port is { } p ? new TcpTransport(host, p) : null;
    }

    private static SerialTransport? ReadSerial(JsonSourceNode node, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(node, "a serial transport", SerialFields, diagnostics)!;
        string? device = ReadString(fields.Required("device"), diagnostics);
        int? baud = ReadInt(fields.Required("baudRate"), 1200, 4_000_000, diagnostics);
        string parity = "none";
        if (fields.Optional("parity") is { } parityNode && ReadString(parityNode, diagnostics) is { } written)
        {
            if (Parities.Contains(written))
            {
                parity = written;
            }
            else
            {
                diagnostics.Report(parityNode, $"unknown parity '{written}'; expected one of: {string.Join(", ", Parities)}");
            }
        }

        int? dataBits = fields.Optional("dataBits") is { } d ? ReadInt(d, 7, 8, diagnostics) : 8;
        int? stopBits = fields.Optional("stopBits") is { } s ? ReadInt(s, 1, 2, diagnostics) : 1;
        return device is not null && baud is { } b && dataBits is { } db && stopBits is { } sb
            ? new SerialTransport(device, b, parity, db, sb)
            : null;
    }
}
