namespace FormationControl.Cli.Commands.Serve;

/// <summary>What <c>fc serve</c> was asked to do.</summary>
/// <param name="ConfigPath">Rack configuration JSON.</param>
/// <param name="Host">Overrides the configuration's http host.</param>
/// <param name="Port">Overrides the configuration's http port (0: any free port, printed at start).</param>
/// <param name="Token">The write token when the configuration has none (env FC_TOKEN).</param>
internal sealed record ServeOptions(string ConfigPath, string? Host, int? Port, string? Token);
