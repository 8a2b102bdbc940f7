using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Polly.Timeout;

namespace Padre.Pads.Stores.Mlflow.Rest;

/// <summary>
/// Outermost handler: sees what is left after retries and turns every failure into a
/// <see cref="TrackingStoreException"/> with MLflow's code, message and HTTP status. Non-JSON error pages
/// (Flask's HTML 404/405, proxies) become a clear "probably not an MLflow server" error instead of a parse crash.
/// Messages carry the server URI without user info and never a header, so credentials cannot leak.
/// </summary>
internal sealed class MlflowErrorTranslation(Uri server) : DelegatingHandler
{
    internal static readonly HashSet<int> TransientStatuses = [408, 429, 500, 502, 503, 504];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = $"{request.Method} {request.RequestUri?.AbsolutePath}";
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TrackingStoreException("TEMPORARILY_UNAVAILABLE",
                $"{operation} on the MLflow tracking server {server} timed out after every retry ({e.Timeout.TotalSeconds:0.###} s per attempt).",
                isTransient: true, inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new TrackingStoreException("TEMPORARILY_UNAVAILABLE",
                $"Could not reach the MLflow tracking server {server} for {operation} after every retry: {e.Message}",
                isTransient: true, httpStatus: e.StatusCode is { } s ? (int)s : null, inner: e);
        }

        if (response.IsSuccessStatusCode)
        {
            if (ExpectsJson(request) && IsHtml(response.Content.Headers.ContentType))
            {
                response.Dispose();
                throw new TrackingStoreException("ENDPOINT_NOT_FOUND",
                    $"{operation} on {server} answered with an HTML page instead of MLflow's JSON: the URI is probably not an MLflow tracking server " +
                    "(use the server root, e.g. http://host:5000, not the UI page or a proxy login).", httpStatus: (int)response.StatusCode);
            }

            return response;
        }

        using (response)
        {
            throw await ToException(response, operation, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<TrackingStoreException> ToException(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var transient = TransientStatuses.Contains(status);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (TryParseError(body) is { } error)
        {
            return new TrackingStoreException(error.ErrorCode!, error.Message ?? $"{error.ErrorCode} ({status})", transient, status);
        }

        var html = IsHtml(response.Content.Headers.ContentType);
        var (code, hint) = response.StatusCode switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed =>
                ("ENDPOINT_NOT_FOUND", "the URI is probably not an MLflow tracking server, or it is older than this API (use the server root, e.g. http://host:5000)"),
            HttpStatusCode.Unauthorized => ("UNAUTHENTICATED", "set a token or user/password in RestStoreOptions (MLFLOW_TRACKING_TOKEN or MLFLOW_TRACKING_USERNAME/PASSWORD)"),
            HttpStatusCode.Forbidden => ("PERMISSION_DENIED", "the credentials are not allowed to do this"),
            _ when transient => ("TEMPORARILY_UNAVAILABLE", "the server kept failing after every retry"),
            _ => ("INTERNAL_ERROR", "the server did not answer with MLflow's JSON error"),
        };
        var shown = html ? "an HTML page" : body.Length == 0 ? "an empty body" : $"'{Shorten(body)}'";
        return new TrackingStoreException(code, $"{operation} on {server} failed with HTTP {status} and {shown}: {hint}.", transient, status);
    }

    private static ErrorResponse? TryParseError(string body)
    {
        if (body.Length == 0 || body.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            var error = JsonSerializer.Deserialize(body, MlflowJsonContext.Default.ErrorResponse);
            return error?.ErrorCode is { Length: > 0 } ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Artifact downloads return the file's own content type; every other endpoint answers JSON.
    private static bool ExpectsJson(HttpRequestMessage request) =>
        !(request.Method == HttpMethod.Get && request.RequestUri is { } uri && uri.AbsolutePath.Contains("/mlflow-artifacts/artifacts/", StringComparison.Ordinal));

    private static bool IsHtml(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && media.Contains("html", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
