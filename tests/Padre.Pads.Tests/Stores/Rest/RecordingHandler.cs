using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Padre.Pads.Tests.Stores.Rest;

/// <summary>A request as the store sent it: query arguments as strings, the body parsed as JSON when it is JSON.</summary>
internal sealed record RecordedRequest(string Method, string Path, Dictionary<string, string> Query, string? ContentType, string? Authorization, byte[] Body, long? ContentLength = null)
{
    public JsonNode? Json => ContentType == "application/json" && Body.Length > 0 ? JsonNode.Parse(Body) : null;
}

/// <summary>An in-process stand-in for the server: records every request and answers with <paramref name="answer"/>.</summary>
internal sealed class RecordingHandler(Func<RecordedRequest, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>Answers with the response part of a reference transcript.</summary>
    public static HttpResponseMessage Reply(JsonObject transcript)
    {
        var response = transcript["response"]!;
        var status = response["status"]!.GetValue<int>();
        var contentType = response["content_type"]!.GetValue<string>();
        var body = response["body"];
        var text = body is JsonValue value && value.TryGetValue<string>(out var s) ? s : body?.ToJsonString() ?? string.Empty;
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return new HttpResponseMessage((HttpStatusCode)status) { Content = content };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
        // Read before the body: a content that cannot say its length would go out chunked.
        var length = request.Content?.Headers.ContentLength;
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method.Method, uri.AbsolutePath, query, request.Content?.Headers.ContentType?.MediaType,
            request.Headers.Authorization?.ToString(), body, length);
        lock (Requests)
        {
            Requests.Add(recorded);
        }

        return answer(recorded);
    }
}
