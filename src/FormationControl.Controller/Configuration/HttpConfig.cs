namespace FormationControl.Controller.Configuration;

/// <summary>The local HTTP API of <c>fc serve</c>.</summary>
/// <param name="Host">Address to bind; 127.0.0.1 by default.</param>
/// <param name="Port">TCP port.</param>
/// <param name="Token">Bearer token for writes; required when <paramref name="Host"/> is not a loopback address.</param>
public sealed record HttpConfig(string Host, int Port, string? Token)
{
    public const string DefaultHost = "127.0.0.1";
    public const int DefaultPort = 8750;

    public static HttpConfig Default { get; } = new(DefaultHost, DefaultPort, null);

    /// <summary>True when only this machine can reach the API.</summary>
    public bool IsLoopback => Host is "localhost" || (System.Net.IPAddress.TryParse(Host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
}
