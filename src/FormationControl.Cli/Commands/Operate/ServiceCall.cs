using System.CommandLine;
using FormationControl.Cli.Commands.Api;

namespace FormationControl.Cli.Commands.Operate;

/// <summary>Resolves the service, posts one operation and prints its outcomes: what every write command does.</summary>
internal static class ServiceCall
{
    public static async Task<int> PostOperationAsync(ParseResult result, ServiceOptions service, string path, object body, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var (address, problems) = service.Resolve(result);
        if (address is null)
        {
            return await FailAsync(error, ExitCodes.UsageOrValidation, problems).ConfigureAwait(false);
        }

        using var client = new ServiceClient(address);
        var (answer, code, problem) = await client.PostAsync<OperationResult>(path, body, cancellationToken).ConfigureAwait(false);
        return answer is null
            ? await FailAsync(error, code == 0 ? ExitCodes.DeviceOrIo : code, [problem ?? $"fc: {address.Url} gave an empty answer"]).ConfigureAwait(false)
            : await OutcomeWriter.WriteAsync(answer, output, error).ConfigureAwait(false);
    }

    public static async Task<int> FailAsync(TextWriter error, int code, IEnumerable<string> problems)
    {
        foreach (string problem in problems)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
        }

        return code;
    }
}
