using System.Diagnostics;
using System.Text;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Rest;

namespace Padre.Pads.Tests.Stores.Rest;

/// <summary>The store over a real HTTP connection to an in-process host that injects faults.</summary>
public sealed class RestStoreFaultTests
{
    private const string Run = "59dab6b0cd8349cfa28ff7fbe4a409a5";

    [Fact]
    public async Task LogBatch_through_429_503_resets_and_a_timeout_loses_nothing_and_stores_each_point_once()
    {
        var backend = new MlflowLikeBackend();
        await using var host = await FaultHost.StartAsync(backend.Handle);
        host.SlowFor = TimeSpan.FromSeconds(5);
        host.Inject(Fault.TooManyRequests, Fault.Unavailable, Fault.ResetBefore, Fault.ResetAfter, Fault.SlowAfter);
        await using var store = Store(host.Address, maxRetries: 7, timeout: TimeSpan.FromSeconds(1));
        var metrics = Enumerable.Range(0, 2500).Select(i => new Metric("loss", i == 7 ? double.NaN : 1.0 / (i + 1), 1795416649297 + i, i)).ToList();
        var parameters = Enumerable.Range(0, 50).Select(i => new Param($"p{i}", $"v{i}")).ToList();

        await store.LogBatchAsync(Run, metrics, parameters, [new RunTag("t", "x")]);

        Assert.Equal(2500, backend.Metrics.Count);
        Assert.Equal(parameters.ToDictionary(p => p.Key, p => p.Value), backend.Params);
        // The first request reached the server three times (reset after, slow, success); MLflow's semantics collapse the repeats.
        Assert.Equal(2500 + (2 * 949), backend.MetricRowsReceived);
        Assert.Equal(5, host.Forwarded);
    }

    [Fact]
    public async Task Retry_After_of_a_429_is_waited_for_even_without_backoff()
    {
        var backend = new MlflowLikeBackend();
        await using var host = await FaultHost.StartAsync(backend.Handle);
        host.Inject(Fault.TooManyRequests);
        await using var store = Store(host.Address, maxRetries: 2, timeout: TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        await store.LogBatchAsync(Run, [new Metric("m", 1, 1)], [], []);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}, Retry-After said 1 s");
        Assert.Single(backend.Metrics);
    }

    [Fact]
    public async Task Server_failing_beyond_the_retries_gives_a_transient_error_with_its_status()
    {
        var backend = new MlflowLikeBackend();
        await using var host = await FaultHost.StartAsync(backend.Handle);
        host.Inject(Fault.Unavailable, Fault.Unavailable, Fault.Unavailable);
        await using var store = Store(host.Address, maxRetries: 2, timeout: TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogBatchAsync(Run, [new Metric("m", 1, 1)], [], []));

        Assert.True(error.IsTransient);
        Assert.Equal(503, error.HttpStatus);
        Assert.Equal(0, host.Forwarded);
    }

    [Fact]
    public async Task Unreachable_server_gives_a_transient_error_naming_the_server()
    {
        Uri address;
        await using (var host = await FaultHost.StartAsync(new MlflowLikeBackend().Handle))
        {
            address = host.Address;
        }

        await using var store = Store(address, maxRetries: 1, timeout: TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.GetRunAsync(Run));

        Assert.True(error.IsTransient);
        Assert.Contains(address.Authority, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeouts_on_every_attempt_give_a_transient_timeout_error()
    {
        var backend = new MlflowLikeBackend();
        await using var host = await FaultHost.StartAsync(backend.Handle);
        host.SlowFor = TimeSpan.FromSeconds(5);
        host.Inject(Fault.SlowAfter, Fault.SlowAfter);
        await using var store = Store(host.Address, maxRetries: 1, timeout: TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogBatchAsync(Run, [new Metric("m", 1, 1)], [], []));

        Assert.True(error.IsTransient);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(404, "404 Not Found")]
    [InlineData(405, "405 Method Not Allowed")]
    public async Task Html_error_page_says_the_uri_is_probably_not_an_MLflow_server(int status, string title)
    {
        await using var host = await FaultHost.StartAsync((context, _) =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Items["answer"] = Encoding.UTF8.GetBytes($"<!doctype html>\n<html lang=en>\n<title>{title}</title>\n<h1>{title}</h1>\n");
            return Task.CompletedTask;
        });
        await using var store = Store(host.Address, maxRetries: 3, timeout: TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.SearchExperimentsAsync());

        Assert.Equal(("ENDPOINT_NOT_FOUND", status, false), (error.ErrorCode, error.HttpStatus, error.IsTransient));
        Assert.Contains("probably not an MLflow tracking server", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Forwarded);
    }

    private static RestTrackingStore Store(Uri address, int maxRetries, TimeSpan timeout) => new(new RestStoreOptions
    {
        BaseUri = address,
        MaxRetries = maxRetries,
        BackoffFactor = 0,
        BackoffJitter = 0,
        RequestTimeout = timeout,
    });
}
