using System.Text.Json;

namespace FormationControl.Cli.Commands.Api;

/// <summary>How the service and the commands that call it write and read JSON (camelCase, as the web does).</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = false };
}
