using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Stores.Rest;

public sealed class LogBatchSplittingTests
{
    private const string Run = "59dab6b0cd8349cfa28ff7fbe4a409a5";

    [Fact]
    public async Task LogBatch_splits_2500_metrics_into_1000_1000_500_like_the_python_client()
    {
        var handler = new RecordingHandler(_ => RestStoreRequestContractTests.Json("{}"));
        await using (var store = RestStoreFactory.Over(handler))
        {
            await store.LogBatchAsync(Run, Metrics(2500), [], []);
        }

        Assert.Equal([1000, 1000, 500], handler.Requests.Select(r => r.Json!["metrics"]!.AsArray().Count));
    }

    [Fact]
    public async Task LogBatch_keeps_each_request_within_MLflows_entity_limits()
    {
        var handler = new RecordingHandler(_ => RestStoreRequestContractTests.Json("{}"));
        var parameters = Enumerable.Range(0, 250).Select(i => new Param($"p{i}", "v")).ToList();
        var tags = Enumerable.Range(0, 120).Select(i => new RunTag($"t{i}", "v")).ToList();
        await using (var store = RestStoreFactory.Over(handler))
        {
            await store.LogBatchAsync(Run, Metrics(1500), parameters, tags);
        }

        Assert.All(handler.Requests, r =>
        {
            var (m, p, t) = (Count(r, "metrics"), Count(r, "params"), Count(r, "tags"));
            Assert.True(m <= 1000 && p <= 100 && t <= 100 && m + p + t <= 1000, $"{m} metrics, {p} params, {t} tags");
        });
        Assert.Equal((1500, 250, 120), (handler.Requests.Sum(r => Count(r, "metrics")), handler.Requests.Sum(r => Count(r, "params")), handler.Requests.Sum(r => Count(r, "tags"))));
    }

    [Fact]
    public async Task LogBatch_halves_a_request_whose_body_would_exceed_one_megabyte()
    {
        var handler = new RecordingHandler(_ => RestStoreRequestContractTests.Json("{}"));
        var parameters = Enumerable.Range(0, 100).Select(i => new Param($"p{i}", new string('x', 6000))).ToList();
        var tags = Enumerable.Range(0, 100).Select(i => new RunTag($"t{i}", new string('y', 8000))).ToList();
        await using (var store = RestStoreFactory.Over(handler))
        {
            await store.LogBatchAsync(Run, [], parameters, tags);
        }

        Assert.True(handler.Requests.Count >= 2);
        Assert.All(handler.Requests, r => Assert.True(r.Body.Length <= 1_000_000, $"{r.Body.Length} bytes"));
        Assert.Equal(200, handler.Requests.Sum(r => Count(r, "params") + Count(r, "tags")));
    }

    [Fact]
    public async Task LogBatch_sends_a_param_repeated_with_the_same_value_once()
    {
        var handler = new RecordingHandler(_ => RestStoreRequestContractTests.Json("{}"));
        await using (var store = RestStoreFactory.Over(handler))
        {
            await store.LogBatchAsync(Run, [], [new Param("lr", "0.1"), new Param("lr", "0.1")], []);
        }

        Assert.Equal(1, Count(handler.Requests.Single(), "params"));
    }

    [Fact]
    public async Task LogBatch_refuses_a_param_repeated_with_another_value_before_sending()
    {
        var handler = new RecordingHandler(_ => RestStoreRequestContractTests.Json("{}"));
        await using var store = RestStoreFactory.Over(handler);

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogBatchAsync(Run, [], [new Param("lr", "0.1"), new Param("lr", "0.2")], []));

        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task LogBatch_refuses_an_invalid_metric_key_before_sending()
    {
        var handler = new RecordingHandler(_ => RestStoreRequestContractTests.Json("{}"));
        await using var store = RestStoreFactory.Over(handler);

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogBatchAsync(Run, [new Metric("a/../b", 1, 1)], [], []));

        Assert.Contains("a/../b", error.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task LogBatch_truncates_param_values_over_6000_characters_as_MLflow_does()
    {
        var handler = new RecordingHandler(_ => RestStoreRequestContractTests.Json("{}"));
        await using (var store = RestStoreFactory.Over(handler))
        {
            await store.LogBatchAsync(Run, [], [new Param("long", new string('z', 6001))], []);
        }

        Assert.Equal(6000, handler.Requests.Single().Json!["params"]![0]!["value"]!.GetValue<string>().Length);
    }

    private static int Count(RecordedRequest request, string field) => request.Json![field]?.AsArray().Count ?? 0;

    private static List<Metric> Metrics(int count) => Enumerable.Range(0, count).Select(i => new Metric("m", i, 1795416649297 + i, i)).ToList();
}

public sealed class LogBatchConflictTests
{
    private const string Run = "59dab6b0cd8349cfa28ff7fbe4a409a5";

    [Fact]
    public async Task LogBatch_answered_with_a_stored_metric_conflict_resends_only_the_missing_points()
    {
        const string conflict = """{"error_code":"BAD_REQUEST","message":"(sqlite3.IntegrityError) UNIQUE constraint failed: metrics.key, metrics.timestamp\n[SQL: INSERT INTO metrics ...]"}""";
        var batches = 0;
        var handler = new RecordingHandler(r => r.Path.EndsWith("/log-batch", StringComparison.Ordinal)
            ? ++batches == 1
                ? new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest) { Content = new StringContent(conflict, System.Text.Encoding.UTF8, "application/json") }
                : RestStoreRequestContractTests.Json("{}")
            : RestStoreRequestContractTests.Json("""{"metrics":[{"key":"m","value":"NaN","timestamp":1,"step":0},{"key":"m","value":1.7976931348623157e308,"timestamp":2,"step":1}]}"""));
        await using (var store = RestStoreFactory.Over(handler))
        {
            await store.LogBatchAsync(Run, [new Metric("m", double.NaN, 1, 0), new Metric("m", double.PositiveInfinity, 2, 1), new Metric("m", 0.5, 3, 2)],
                [new Param("lr", "0.1")], []);
        }

        var resent = handler.Requests.Last();
        Assert.Equal("/api/2.0/mlflow/runs/log-batch", resent.Path);
        Assert.Equal(2L, resent.Json!["metrics"]!.AsArray().Single()!["step"]!.GetValue<long>());
        Assert.Equal("0.1", resent.Json["params"]![0]!["value"]!.GetValue<string>());
    }
}
