using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FormationControl.Cli.Commands.Api;

namespace FormationControl.Cli.Commands.Operate;

/// <summary>
/// Calls the API of <c>fc serve</c>. Every failure becomes a message and an exit code: 3 when no service answers
/// at the URL, 1 when it refuses the request (bad input, missing or wrong token).
/// </summary>
internal sealed class ServiceClient(ServiceAddress address) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(address.Url + "/"), Timeout = TimeSpan.FromMinutes(5) };

    public async Task<(T? Answer, int Code, string? Problem)> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options) };
        if (address.Token is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await SendAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<(string? Json, int Code, string? Problem)> GetTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(path, cancellationToken).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? (text, 0, null) : (null, ExitCodes.UsageOrValidation, Refusal(response.StatusCode, text));
        }
        catch (HttpRequestException e)
        {
            return (null, ExitCodes.DeviceOrIo, NotRunning(e));
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<(T? Answer, int Code, string? Problem)> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (default, ExitCodes.UsageOrValidation, Refusal(response.StatusCode, text));
            }

            return (JsonSerializer.Deserialize<T>(text, ApiJson.Options), 0, null);
        }
        catch (HttpRequestException e)
        {
            return (default, ExitCodes.DeviceOrIo, NotRunning(e));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (default, ExitCodes.DeviceOrIo, $"fc: the service at {address.Url} did not answer within {_http.Timeout.TotalMinutes:0} minutes");
        }
    }

    private string NotRunning(HttpRequestException e) =>
        $"fc: no service answers at {address.Url} (is 'fc serve' running there?): {e.Message}";

    private string Refusal(HttpStatusCode status, string text)
    {
        ApiProblem? problem = null;
        try
        {
            problem = JsonSerializer.Deserialize<ApiProblem>(text, ApiJson.Options);
        }
        catch (JsonException)
        {
            // Not our service's answer; the status says enough.
        }

        string detail = problem?.Error ?? (text.Length > 0 ? text : status.ToString());
        string lines = problem?.Problems is { Count: > 0 } list ? Environment.NewLine + string.Join(Environment.NewLine, list) : string.Empty;
        string prefix = status == HttpStatusCode.Unauthorized ? $"fc: {address.Url} refused the request (401, {(address.Token is null ? "no token given" : "wrong token")})" : $"fc: {address.Url} refused the request ({(int)status})";
        return $"{prefix}: {detail}{lines}";
    }
}
