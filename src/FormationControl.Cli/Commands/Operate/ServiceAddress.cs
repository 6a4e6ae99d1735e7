using FormationControl.Controller.Configuration;

namespace FormationControl.Cli.Commands.Operate;

/// <summary>Where the commands find <c>fc serve</c> and which token they send.</summary>
/// <param name="Url">Base URL, like http://127.0.0.1:8750.</param>
/// <param name="Token">Bearer token for writes, or null.</param>
internal sealed record ServiceAddress(string Url, string? Token)
{
    /// <summary>
    /// <paramref name="server"/>, else the http section of <paramref name="configPath"/> (a wildcard host is reached
    /// on 127.0.0.1), else http://127.0.0.1:8750. Token: <paramref name="token"/>, else env FC_TOKEN, else the
    /// configuration's. Problems name the configuration file.
    /// </summary>
    public static (ServiceAddress? Address, IReadOnlyList<string> Problems) Resolve(string? server, string? token, string? configPath)
    {
        HttpConfig? http = null;
        if (configPath is not null)
        {
            var loaded = RackConfigLoader.LoadFile(configPath);
            if (loaded.Config is null)
            {
                return (null, [.. loaded.Diagnostics.Select(d => d.ToString())]);
            }

            http = loaded.Config.Http;
        }

        string url = server?.TrimEnd('/') ?? (http is null
            ? $"http://{HttpConfig.DefaultHost}:{HttpConfig.DefaultPort}"
            : $"http://{ReachableHost(http.Host)}:{http.Port}");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return (null, [$"--server: '{server}' is not an http:// URL like http://127.0.0.1:8750"]);
        }

        return (new ServiceAddress(url, token ?? NullIfEmpty(Environment.GetEnvironmentVariable("FC_TOKEN")) ?? http?.Token), []);
    }

    private static string ReachableHost(string host) => host switch
    {
        "0.0.0.0" => "127.0.0.1",
        "::" => "[::1]",
        _ when host.Contains(':', StringComparison.Ordinal) => $"[{host}]",
        _ => host,
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
