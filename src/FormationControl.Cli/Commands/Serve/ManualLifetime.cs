using Microsoft.Extensions.Hosting;

namespace FormationControl.Cli.Commands.Serve;

/// <summary>A host lifetime that leaves SIGINT/SIGTERM to <c>fc serve</c>, which stops the API and the rack in order.</summary>
internal sealed class ManualLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
