using System.Net;
using FormationControl.Controller.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FormationControl.Cli.Commands.Serve;

/// <summary>The HTTP API of <c>fc serve</c> on Kestrel, bound to one address; no console logging of its own (the service logs).</summary>
internal static class ApiServer
{
    /// <summary>Builds and starts the API; returns the app and the URL it listens on (the real port when 0 was asked).</summary>
    public static async Task<(WebApplication App, string Url)> StartAsync(IPAddress address, int port, ApiEndpoints endpoints, string? token, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, port));
        var app = builder.Build();
        endpoints.Map(app, token);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, url);
    }

    /// <summary>The address to bind for a configured host: an IP address, or "localhost" (IPv4 loopback).</summary>
    public static bool TryAddress(string host, out IPAddress address)
    {
        if (host == "localhost")
        {
            address = IPAddress.Loopback;
            return true;
        }

        return IPAddress.TryParse(host, out address!);
    }
}
