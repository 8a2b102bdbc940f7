using System.Text;
using System.Text.Json.Nodes;
using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Stores.Rest;

/// <summary>Every operation sends what MLflow's reference traffic shows (method, path, query, JSON body as proto3 compares it).</summary>
public sealed class RestStoreRequestContractTests
{
    private const string RefRun = "59dab6b0cd8349cfa28ff7fbe4a409a5";
    private const string ClientRun = "041476f692d04c6f9facef5eed2515b8";

    [Fact]
    public async Task GetExperiment_sends_experiment_id_in_the_query()
    {
        var request = await Single(ReferenceTranscripts.Case(9), store => store.GetExperimentAsync("1"));
        AssertMatches(ReferenceTranscripts.Case(9)["request"]!, request);
    }

    [Fact]
    public async Task GetExperimentByName_sends_experiment_name_in_the_query()
    {
        var request = await Single(ReferenceTranscripts.Case(13), store => store.GetExperimentByNameAsync("ref-exp"));
        AssertMatches(ReferenceTranscripts.Case(13)["request"]!, request);
    }

    [Fact]
    public async Task CreateExperiment_sends_name_and_tags()
    {
        var request = await Single(ReferenceTranscripts.Case(4), store => store.CreateExperimentAsync("ref-exp", tags: [new RunTag("team", "ml")]));
        AssertMatches(ReferenceTranscripts.Case(4)["request"]!, request);
    }

    [Fact]
    public async Task SearchExperiments_sends_max_results_1000_and_the_view_type_like_the_python_client()
    {
        var call = ReferenceTranscripts.ClientCall("client.search_experiments()", "/experiments/search");
        var request = await Single(Transcript(call), store => store.SearchExperimentsAsync());
        AssertMatches(call, request);
    }

    [Fact]
    public async Task CreateRun_sends_experiment_id_user_start_time_name_and_tags()
    {
        var reference = ReferenceTranscripts.Case(32);
        var request = await Single(reference, store => store.CreateRunAsync(new RunCreation("1", "ignored-by-server", "ref-run-1", "alice", 1795416647069,
            [new RunTag("mlflow.source.type", "LOCAL"), new RunTag("mlflow.user", "alice")])));
        AssertMatches(reference["request"]!, request);
    }

    [Fact]
    public async Task UpdateRun_sends_run_id_run_uuid_status_and_end_time_like_the_python_client()
    {
        var call = ReferenceTranscripts.ClientCall("mlflow.end_run() [child]", "/runs/update");
        var runId = call["body"]!["run_id"]!.GetValue<string>();
        var request = await Single(Transcript(call), store => store.UpdateRunAsync(runId, RunStatus.Finished, call["body"]!["end_time"]!.GetValue<long>()));
        AssertMatches(call, request);
    }

    [Fact]
    public async Task GetRun_sends_run_id_and_run_uuid_in_the_query_like_the_python_client()
    {
        var call = ReferenceTranscripts.ClientCall("client.get_run(run_id)", "/runs/get");
        var request = await Single(Transcript(call), store => store.GetRunAsync(ClientRun));
        AssertMatches(call, request);
    }

    [Fact]
    public async Task SearchRuns_sends_experiment_ids_view_type_and_max_results_like_the_python_client()
    {
        var call = ReferenceTranscripts.ClientCall("mlflow.search_runs([exp_id]) (pandas)", "/runs/search");
        var request = await Single(Transcript(call), store => store.SearchRunsAsync(["5"], maxResults: 10000));
        AssertMatches(call, request);
    }

    [Fact]
    public async Task DeleteRun_and_RestoreRun_send_run_id_like_the_python_client()
    {
        var delete = ReferenceTranscripts.ClientCall("client.delete_run(run_id)", "/runs/delete");
        AssertMatches(delete, await Single(Transcript(delete), store => store.DeleteRunAsync(ClientRun)));
        var restore = ReferenceTranscripts.ClientCall("client.restore_run(run_id)", "/runs/restore");
        AssertMatches(restore, await Single(Transcript(restore), store => store.RestoreRunAsync(ClientRun)));
    }

    [Fact]
    public async Task LogBatch_sends_metrics_params_and_tags_with_param_values_as_strings()
    {
        var reference = ReferenceTranscripts.Case(80);
        var body = reference["request"]!["body"]!;
        var metrics = body["metrics"]!.AsArray().Select(m => new Metric(m!["key"]!.GetValue<string>(), m["value"]!.GetValue<double>(), m["timestamp"]!.GetValue<long>(), m["step"]!.GetValue<long>())).ToList();
        var request = await Single(reference, store => store.LogBatchAsync(RefRun, metrics, [new Param("bp1", "a"), new Param("bp2", "b")], [new RunTag("bt", "x")]));
        AssertMatches(reference["request"]!, request);
    }

    [Fact]
    public async Task LogBatch_sends_NaN_and_infinity_as_json_strings_never_bare_tokens()
    {
        var reference = ReferenceTranscripts.Case(97);
        var request = await Single(reference, store => store.LogBatchAsync(RefRun,
            [new Metric("bnan", double.NaN, 1795416649297), new Metric("binf", double.PositiveInfinity, 1795416649297)], [], []));
        AssertMatches(reference["request"]!, request);
        var text = Encoding.UTF8.GetString(request.Body);
        Assert.Contains("\"NaN\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Infinity\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogBatch_sends_negative_infinity_as_the_string_minus_Infinity()
    {
        var request = await Single(ReferenceTranscripts.Case(97), store => store.LogBatchAsync(RefRun, [new Metric("n", double.NegativeInfinity, 1, 5)], [], []));
        Assert.Equal("-Infinity", request.Json!["metrics"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task LogInputs_sends_datasets_with_their_tags()
    {
        var reference = ReferenceTranscripts.Case(101);
        var d = reference["request"]!["body"]!["datasets"]![0]!["dataset"]!;
        var dataset = new Dataset(d["name"]!.GetValue<string>(), d["digest"]!.GetValue<string>(), d["source_type"]!.GetValue<string>(),
            d["source"]!.GetValue<string>(), d["schema"]!.GetValue<string>(), d["profile"]!.GetValue<string>());
        var request = await Single(reference, store => store.LogInputsAsync(RefRun, [DatasetInput.WithContext(dataset, "training")]));
        AssertMatches(reference["request"]!, request);
    }

    [Fact]
    public async Task GetMetricHistory_sends_max_results_25000_with_run_id_and_run_uuid_like_the_python_client()
    {
        var call = ReferenceTranscripts.ClientCall("client.get_metric_history(run_id, 'loss')", "/metrics/get-history");
        var request = await Single(Transcript(call), store => store.GetMetricHistoryAsync(ClientRun, "loss"));
        AssertMatches(call, request);
    }

    [Fact]
    public async Task GetMetricHistory_follows_next_page_tokens_until_the_last_page()
    {
        var pages = new Queue<string>([
            """{"metrics":[{"key":"m","value":1.0,"timestamp":1,"step":0}],"next_page_token":"t1"}""",
            """{"metrics":[{"key":"m","value":"NaN","timestamp":2,"step":1}],"next_page_token":"t2"}""",
            """{"metrics":[{"key":"m","value":1.7976931348623157e308,"timestamp":3,"step":2}]}""",
        ]);
        var handler = new RecordingHandler(_ => Json(pages.Dequeue()));
        await using var store = RestStoreFactory.Over(handler);

        var history = await store.GetMetricHistoryAsync(RefRun, "m");

        Assert.Equal([0L, 1L, 2L], history.Select(m => m.Step));
        Assert.True(double.IsNaN(history[1].Value));
        Assert.Equal(double.MaxValue, history[2].Value);
        Assert.Equal([null, "t1", "t2"], handler.Requests.Select(r => r.Query.GetValueOrDefault("page_token")));
    }

    [Fact]
    public async Task SearchExperiments_follows_next_page_tokens()
    {
        var pages = new Queue<string>([
            """{"experiments":[{"experiment_id":"0","name":"Default"}],"next_page_token":"p2"}""",
            """{"experiments":[{"experiment_id":"1","name":"ref-exp"}]}""",
        ]);
        var handler = new RecordingHandler(_ => Json(pages.Dequeue()));
        await using var store = RestStoreFactory.Over(handler);

        var experiments = await store.SearchExperimentsAsync(ViewType.All);

        Assert.Equal(["Default", "ref-exp"], experiments.Select(e => e.Name));
        Assert.Equal("p2", handler.Requests[1].Json!["page_token"]!.GetValue<string>());
        Assert.Equal("ALL", handler.Requests[1].Json!["view_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task LogArtifact_puts_the_bytes_under_the_runs_proxied_artifact_root()
    {
        var put = ReferenceTranscripts.Case(115);
        var handler = new RecordingHandler(r => r.Method == "GET" ? RecordingHandler.Reply(ReferenceTranscripts.Case(36)) : RecordingHandler.Reply(put));
        await using var store = RestStoreFactory.Over(handler);

        await store.LogArtifactAsync(RefRun, "hello.txt", new MemoryStream(Encoding.UTF8.GetBytes("hello world\n")));

        var request = handler.Requests.Last();
        Assert.Equal(("PUT", put["request"]!["path"]!.GetValue<string>()), (request.Method, request.Path));
        Assert.Equal("hello world\n", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task ListArtifacts_of_a_subdirectory_returns_paths_relative_to_the_artifact_root()
    {
        var handler = new RecordingHandler(r => RecordingHandler.Reply(ReferenceTranscripts.Case(r.Path.EndsWith("/runs/get", StringComparison.Ordinal) ? 36 : 120)));
        await using var store = RestStoreFactory.Over(handler);

        var entries = await store.ListArtifactsAsync(RefRun, "dir");

        Assert.Equal(ReferenceTranscripts.Case(120)["request"]!["query"]!["path"]!.GetValue<string>(), handler.Requests.Last().Query["path"]);
        Assert.Equal([new ArtifactEntry("dir/sub", true, null)], entries);
    }

    [Fact]
    public async Task ListArtifacts_of_the_root_lists_the_run_artifact_directory_with_plain_relative_paths()
    {
        var handler = new RecordingHandler(r => RecordingHandler.Reply(ReferenceTranscripts.Case(r.Path.EndsWith("/runs/get", StringComparison.Ordinal) ? 36 : 119)));
        await using var store = RestStoreFactory.Over(handler);

        var entries = await store.ListArtifactsAsync(RefRun);

        Assert.Equal(ReferenceTranscripts.Case(119)["request"]!["query"]!["path"]!.GetValue<string>(), handler.Requests.Last().Query["path"]);
        Assert.Equal([new ArtifactEntry("dir", true, null), new ArtifactEntry("hello.txt", false, 12)], entries);
    }

    [Fact]
    public async Task Artifacts_of_a_run_stored_outside_the_proxy_fail_with_a_clear_error()
    {
        var handler = new RecordingHandler(_ => Json("{\"run\":{\"info\":{\"run_id\":\"" + RefRun + "\",\"experiment_id\":\"2\",\"artifact_uri\":\"file:///data/somewhere/" + RefRun + "/artifacts\"}}}"));
        await using var store = RestStoreFactory.Over(handler);

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogArtifactAsync(RefRun, "a.txt", new MemoryStream([1])));

        Assert.Contains("file:///data/somewhere", error.Message, StringComparison.Ordinal);
        Assert.Contains("--serve-artifacts", error.Message, StringComparison.Ordinal);
    }

    internal static HttpResponseMessage Json(string body) =>
        new(System.Net.HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static JsonObject Transcript(JsonObject clientCall) => new()
    {
        ["response"] = new JsonObject
        {
            ["status"] = clientCall["status"]!.GetValue<int>(),
            ["content_type"] = "application/json",
            ["body"] = clientCall["response"]!.DeepClone(),
        },
    };

    private static async Task<RecordedRequest> Single(JsonObject transcript, Func<ITrackingStore, Task> operation)
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Reply(transcript));
        await using (var store = RestStoreFactory.Over(handler))
        {
            await operation(store);
        }

        return Assert.Single(handler.Requests);
    }

    private static void AssertMatches(JsonNode reference, RecordedRequest actual)
    {
        Assert.Equal(reference["method"]!.GetValue<string>(), actual.Method);
        Assert.Equal(reference["path"]!.GetValue<string>(), actual.Path);
        var expectedQuery = reference["query"]?.AsObject().ToDictionary(q => q.Key, q => q.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : q.Value!.ToJsonString())
            ?? [];
        Assert.Equal(expectedQuery.OrderBy(q => q.Key), actual.Query.OrderBy(q => q.Key));
        if (actual.Method == "POST")
        {
            Assert.Equal("application/json", actual.ContentType);
            // MLflow's server reads no chunked request body: the length must be known up front.
            Assert.Equal(actual.Body.Length, actual.ContentLength);
            Assert.Null(ProtoJson.Difference(reference["body"], actual.Json));
        }
    }
}
