using System.Security.Cryptography;
using System.Text;
using FormationControl.Cli.Commands.Api;
using Microsoft.AspNetCore.Http;

namespace FormationControl.Cli.Commands.Serve;

/// <summary>
/// Guards the write endpoints: with a token configured, a request must carry <c>Authorization: Bearer TOKEN</c>
/// or gets 401. Without a token (only allowed on a loopback address) writes are open to this machine.
/// </summary>
internal sealed class WriteAuthorization(string? token) : IEndpointFilter
{
    private readonly byte[]? _token = token is null ? null : Encoding.UTF8.GetBytes(token);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_token is null || IsAuthorized(context.HttpContext.Request.Headers.Authorization.ToString()))
        {
            return await next(context).ConfigureAwait(false);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Json(new ApiProblem("this API takes writes only with the service's token: send 'Authorization: Bearer TOKEN' (fc: --token or FC_TOKEN)"), ApiJson.Options, statusCode: StatusCodes.Status401Unauthorized);
    }

    private bool IsAuthorized(string header)
    {
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), _token);
    }
}
