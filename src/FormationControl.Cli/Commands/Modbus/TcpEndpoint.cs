using System.Net;

namespace FormationControl.Cli.Commands.Modbus;

/// <summary>Parses <c>HOST:PORT</c> as the <c>--tcp</c> option takes it.</summary>
public static class TcpEndpoint
{
    public static bool TryParse(string text, out string host, out int port, out string error)
    {
        host = "";
        port = 0;
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out port) || port is < 0 or > 65535)
        {
            error = $"--tcp '{text}': expected HOST:PORT, e.g. 127.0.0.1:502";
            return false;
        }

        host = text[..colon].Trim('[', ']');
        error = "";
        return true;
    }

    public static IPEndPoint ToBindEndpoint(string host, int port) =>
        new(host is "localhost" or "" ? IPAddress.Loopback : IPAddress.Parse(host), port);
}
