using System.Globalization;
using System.Text.Json;
using FormationControl.Cli.Commands.Api;
using FormationControl.Controller.Hosting;
using FormationControl.Controller.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FormationControl.Cli.Commands.Serve;

/// <summary>
/// The routes of <c>fc serve</c>. Reads: <c>GET /api/status</c>. Writes (token-guarded): <c>POST /api/start</c>,
/// <c>POST /api/{pause|resume|stop|ack}</c> over a channel list, <c>POST /api/channels/{n}/{pause|resume|stop|ack|jump}</c>.
/// Every write answers one outcome per channel; a request that cannot be carried out at all gets 400 and the reason.
/// </summary>
internal sealed class ApiEndpoints(RackService service, ServiceLog log, CancellationToken serviceLifetime)
{
    private static readonly string[] ChannelActions = ["pause", "resume", "stop", "ack"];

    public void Map(IEndpointRouteBuilder app, string? token)
    {
        app.MapGet("/api/status", () => Results.Json(service.Status, ApiJson.Options));
        var writes = app.MapGroup("/api").AddEndpointFilter(new WriteAuthorization(token));
        writes.MapPost("/start", (Delegate)StartAsync);
        foreach (string action in ChannelActions)
        {
            writes.MapPost($"/{action}", (Delegate)((HttpContext http) => OnChannelsAsync(http, action, null)));
            writes.MapPost($"/channels/{{channel:int}}/{action}", (HttpContext http, int channel) => OnChannelsAsync(http, action, channel));
        }

        writes.MapPost("/channels/{channel:int}/jump", JumpAsync);
    }

    private async Task<IResult> StartAsync(HttpContext http)
    {
        var (body, bad) = await ReadAsync<StartBody>(http).ConfigureAwait(false);
        if (body is null)
        {
            return bad!;
        }

        if (!ApiOperator.TryRead(body.Operator, body.Role, out var who, out string? whoError))
        {
            return BadRequest(whoError);
        }

        var (request, problems) = StartBodyReader.Read(body, service.Operations.ChannelCount);
        if (request is null)
        {
            return BadRequest("the start request is not usable", problems);
        }

        var outcomes = await service.Operations.StartAsync(request, who, serviceLifetime).ConfigureAwait(false);
        return Answer("start", outcomes, who, body.Channels!);
    }

    private async Task<IResult> OnChannelsAsync(HttpContext http, string action, int? channel)
    {
        var (body, bad) = await ReadAsync<ChannelsBody>(http).ConfigureAwait(false);
        if (body is null)
        {
            return bad!;
        }

        if (!ApiOperator.TryRead(body.Operator, body.Role, out var who, out string? whoError))
        {
            return BadRequest(whoError);
        }

        IReadOnlyList<int>? channels = channel is { } one ? [one] : null;
        string? rangeError = channel is null && string.IsNullOrWhiteSpace(body.Channels) ? "give the rack channels, like \"1-8\"" : null;
        if (channels is null && rangeError is null)
        {
            ChannelRanges.TryParse(body.Channels!, service.Operations.ChannelCount, out channels, out rangeError);
        }

        if (channels is null)
        {
            return BadRequest($"\"channels\": {rangeError}");
        }

        var operations = service.Operations;
        var outcomes = await Task.WhenAll(channels.Select(c => action switch
        {
            "pause" => operations.PauseAsync(c, who, serviceLifetime),
            "resume" => operations.ResumeAsync(c, who, serviceLifetime),
            "stop" => operations.StopAsync(c, who, serviceLifetime),
            _ => operations.AcknowledgeAsync(c, who, serviceLifetime),
        })).ConfigureAwait(false);
        return Answer(action, outcomes, who, channel?.ToString(CultureInfo.InvariantCulture) ?? body.Channels!);
    }

    private async Task<IResult> JumpAsync(HttpContext http, int channel)
    {
        var (body, bad) = await ReadAsync<ChannelsBody>(http).ConfigureAwait(false);
        if (body is null)
        {
            return bad!;
        }

        if (!ApiOperator.TryRead(body.Operator, body.Role, out var who, out string? whoError))
        {
            return BadRequest(whoError);
        }

        if (string.IsNullOrWhiteSpace(body.Step))
        {
            return BadRequest("\"step\": give the step to jump to, a label or a 1-based step number");
        }

        var outcome = await service.Operations.JumpAsync(channel, body.Step.Trim(), who, serviceLifetime).ConfigureAwait(false);
        return Answer("jump", [outcome], who, channel.ToString(CultureInfo.InvariantCulture));
    }

    private IResult Answer(string action, IReadOnlyList<ChannelOutcome> outcomes, OperatorIdentity who, string channels)
    {
        var result = OperationResult.Of(action, outcomes);
        log.Operation(result, who, channels);
        return Results.Json(result, ApiJson.Options);
    }

    private static async Task<(T? Body, IResult? Bad)> ReadAsync<T>(HttpContext http)
        where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, ApiJson.Options, http.RequestAborted).ConfigureAwait(false);
            return body is null ? (null, BadRequest("the request needs a JSON object body")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, BadRequest($"the request body is not the expected JSON: {e.Message}"));
        }
    }

    private static IResult BadRequest(string error, IReadOnlyList<string>? problems = null) =>
        Results.Json(new ApiProblem(error, problems), ApiJson.Options, statusCode: StatusCodes.Status400BadRequest);
}
