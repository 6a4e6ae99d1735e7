using FormationControl.Core.Json;
using FormationControl.Devices.RegisterMaps;
using static FormationControl.Controller.Configuration.ConfigValues;
using static FormationControl.Core.Json.JsonValueReader;

namespace FormationControl.Controller.Configuration;

/// <summary>Reads one entry of "units"; loads its register map so the channel count can be checked against it.</summary>
internal static class UnitConfigReader
{
    private static readonly string[] Fields = ["name", "transport", "unitId", "registerMap", "channels"];

    public static UnitConfig? Read(JsonSourceNode node, string baseDirectory, DiagnosticList diagnostics)
    {
        var fields = JsonFields.Open(node, "a unit", Fields, diagnostics);
        if (fields is null)
        {
            return null;
        }

        string? name = ReadString(fields.Required("name"), diagnostics);
        var transport = fields.Required("transport") is { } t ? TransportReader.Read(t, diagnostics) : null;
        int? unitId = ReadInt(fields.Required("unitId"), 1, 247, diagnostics);
        var (mapPath, map) = ReadMap(fields.Required("registerMap"), baseDirectory, diagnostics);
        var channelsNode = fields.Required("channels");
        int? channels = ReadInt(channelsNode, 1, map?.Channel.MaxChannels ?? ushort.MaxValue, diagnostics);
        return name is not null && transport is not null && unitId is { } id && map is not null && channels is { } c
            ? new UnitConfig(name, transport, (byte)id, mapPath!, map, c)
            : null;
    }

    private static (string? Path, RegisterMap? Map) ReadMap(JsonSourceNode? node, string baseDirectory, DiagnosticList diagnostics)
    {
        if (ReadString(node, diagnostics) is not { } written)
        {
            return (null, null);
        }

        string path = ResolvePath(written, baseDirectory);
        if (!File.Exists(path))
        {
            diagnostics.Report(node!, $"register map '{written}' not found (looked for {path})");
            return (null, null);
        }

        try
        {
            return (path, RegisterMapLoader.Load(path));
        }
        catch (RegisterMapException e)
        {
            diagnostics.Report(node!, $"register map '{written}' is not usable: {e.Message}");
            return (null, null);
        }
    }
}
