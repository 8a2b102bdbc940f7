using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Padre.Pads.Tests.Stores.Rest;

/// <summary>What the host does to one request before (or instead of) answering it.</summary>
internal enum Fault
{
    /// <summary>429 with <c>Retry-After: 1</c>; the backend never sees the request.</summary>
    TooManyRequests,
    /// <summary>503 with an empty body; the backend never sees the request.</summary>
    Unavailable,
    /// <summary>The connection is reset before the backend sees the request.</summary>
    ResetBefore,
    /// <summary>The backend handles the request, then the connection is reset: the client never learns it succeeded.</summary>
    ResetAfter,
    /// <summary>The answer is held back longer than the client's timeout (the backend handles the request first).</summary>
    SlowAfter,
}

/// <summary>
/// An in-process HTTP host on 127.0.0.1 (port chosen by the OS) that injects scripted faults into the requests whose
/// path ends with <see cref="FaultedPath"/>, and passes everything to a backend: a fake or a real MLflow server.
/// </summary>
internal sealed class FaultHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Fault> script = new();
    private readonly Func<HttpContext, byte[], Task> backend;

    private FaultHost(WebApplication app, Func<HttpContext, byte[], Task> backend)
    {
        this.app = app;
        this.backend = backend;
    }

    public Uri Address { get; private set; } = null!;

    public string FaultedPath { get; set; } = "/runs/log-batch";

    /// <summary>How many requests reached the backend.</summary>
    public int Forwarded;

    public TimeSpan SlowFor { get; set; } = TimeSpan.FromSeconds(3);

    public void Inject(params Fault[] faults)
    {
        foreach (var fault in faults)
        {
            script.Enqueue(fault);
        }
    }

    public static async Task<FaultHost> StartAsync(Func<HttpContext, byte[], Task> backend)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var host = new FaultHost(app, backend);
        app.Run(host.Handle);
        await app.StartAsync();
        host.Address = new Uri(app.Urls.First());
        return host;
    }

    /// <summary>A backend that forwards to a real server and copies its answer back.</summary>
    public static Func<HttpContext, byte[], Task> ForwardTo(Uri server)
    {
        var client = new HttpClient { BaseAddress = server };
        return async (context, body) =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
            if (body.Length > 0 || context.Request.ContentType is not null)
            {
                request.Content = new ByteArrayContent(body);
                if (context.Request.ContentType is { } type)
                {
                    request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
                }
            }

            using var response = await client.SendAsync(request);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            var bytes = await response.Content.ReadAsByteArrayAsync();
            context.Items["answer"] = bytes;
        };
    }

    private async Task Handle(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var fault = context.Request.Path.Value!.EndsWith(FaultedPath, StringComparison.Ordinal) && script.TryDequeue(out var f) ? f : (Fault?)null;
        switch (fault)
        {
            case Fault.TooManyRequests:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return;
            case Fault.Unavailable:
                context.Response.StatusCode = 503;
                return;
            case Fault.ResetBefore:
                context.Abort();
                return;
        }

        Interlocked.Increment(ref Forwarded);
        await backend(context, body);
        if (fault == Fault.ResetAfter)
        {
            context.Abort();
            return;
        }

        if (fault == Fault.SlowAfter)
        {
            try
            {
                await Task.Delay(SlowFor, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (context.Items["answer"] is byte[] answer)
        {
            await context.Response.Body.WriteAsync(answer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
