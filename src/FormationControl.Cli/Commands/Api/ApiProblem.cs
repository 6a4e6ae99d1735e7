namespace FormationControl.Cli.Commands.Api;

/// <summary>The answer to a request that was not carried out at all (bad input, no token): status 400 or 401.</summary>
internal sealed record ApiProblem(string Error, IReadOnlyList<string>? Problems = null);
