using System.Text.Json.Nodes;
using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Stores.Rest;

/// <summary>Every reference response (rest/INDEX.tsv, errors included) is read correctly by the operation that receives it.</summary>
public sealed class RestStoreResponseContractTests
{
    private const string RefRun = "59dab6b0cd8349cfa28ff7fbe4a409a5";

    public static IEnumerable<object[]> Cases() => ReferenceTranscripts.Index();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Reference_response_is_parsed_into_a_result_or_MLflows_error(string file, string method, string path, int status, string errorCode)
    {
        var transcript = ReferenceTranscripts.CaseFile(file);
        var runGet = ReferenceTranscripts.Case(36);
        // Artifact operations first ask runs/get for the artifact root; everything else gets the case's own response.
        var handler = new RecordingHandler(r => r.Path == "/api/2.0/mlflow/runs/get" && path != r.Path ? RecordingHandler.Reply(runGet) : RecordingHandler.Reply(transcript));
        await using var store = RestStoreFactory.Over(handler, maxRetries: 0);
        var operation = OperationFor(method, path);

        Exception? thrown = null;
        object? result = null;
        try
        {
            result = await operation(store);
        }
        catch (TrackingStoreException e)
        {
            thrown = e;
        }

        var html = transcript["response"]!["content_type"]!.GetValue<string>().Contains("html", StringComparison.Ordinal);
        if (status == 200 && !html)
        {
            Assert.Null(thrown);
            return;
        }

        if (errorCode == "RESOURCE_DOES_NOT_EXIST" && (path.EndsWith("/get", StringComparison.Ordinal) || path.EndsWith("/get-by-name", StringComparison.Ordinal)))
        {
            // Lookups answer "no such thing" with null, as the store contract says.
            Assert.Null(thrown);
            Assert.Null(result);
            return;
        }

        var error = Assert.IsType<TrackingStoreException>(thrown);
        if (html)
        {
            Assert.Equal("ENDPOINT_NOT_FOUND", error.ErrorCode);
            Assert.Contains("not an MLflow tracking server", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(errorCode, error.ErrorCode);
            Assert.Equal(transcript["response"]!["body"]!["message"]!.GetValue<string>(), error.Message);
        }

        Assert.Equal(status, error.HttpStatus);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Full_run_reads_NaN_clamped_infinities_big_steps_params_tags_and_inputs()
    {
        var handler = new RecordingHandler(_ => RecordingHandler.Reply(ReferenceTranscripts.Case(131)));
        await using var store = RestStoreFactory.Over(handler);

        var run = (await store.GetRunAsync(RefRun))!;

        var metrics = run.LatestMetrics.ToDictionary(m => m.Key);
        Assert.True(double.IsNaN(metrics["nanstr"].Value));
        Assert.Equal(-double.MaxValue, metrics["ninfmetric"].Value);
        Assert.Equal(double.MaxValue, metrics["pinfstr"].Value);
        Assert.Equal(1099511627776L, metrics["bigstep"].Step);
        Assert.Equal(-5L, metrics["negstep"].Step);
        Assert.Equal((RunStatus.Finished, "ref-run-1-final", 1795416651171L), (run.Info.Status, run.Info.RunName, run.Info.EndTime!.Value));
        Assert.Contains(run.Tags, t => t.Key == "mlflow.runName");
        Assert.NotEmpty(run.Params);
        Assert.Equal(["toy", "x"], run.Inputs.Select(i => i.Dataset.Name));
        Assert.Equal("training", run.Inputs[0].Tags.Single(t => t.Key == DatasetInput.ContextTag).Value);
        Assert.Equal(string.Empty, run.Inputs[1].Dataset.Digest);
    }

    [Fact]
    public async Task Empty_search_answer_without_runs_key_is_an_empty_list()
    {
        var handler = new RecordingHandler(_ => RestStoreRequestContractTests.Json("{}"));
        await using var store = RestStoreFactory.Over(handler);

        Assert.Empty(await store.SearchRunsAsync(["1"]));
    }

    private static Func<ITrackingStore, Task<object?>> OperationFor(string method, string path)
    {
        static Func<ITrackingStore, Task<object?>> Of<T>(Func<ITrackingStore, Task<T>> op) => async s => await op(s);
        static Func<ITrackingStore, Task<object?>> Void(Func<ITrackingStore, Task> op) => async s => { await op(s); return null; };

        var metric = new Metric("m", 1, 1795416647069);
        var dataset = new Dataset("toy", "abc12345", "local", "{}");
        return (method, path.Replace(RefRun, "{run}", StringComparison.Ordinal)) switch
        {
            (_, "/api/2.0/mlflow/experiments/get") => Of(s => s.GetExperimentAsync("1")),
            (_, "/api/2.0/mlflow/experiments/get-by-name") => Of(s => s.GetExperimentByNameAsync("ref-exp")),
            ("POST", "/api/2.0/mlflow/experiments/create") => Of(s => s.CreateExperimentAsync("ref-exp")),
            (_, "/api/2.0/mlflow/experiments/search") => Of(s => s.SearchExperimentsAsync()),
            ("POST", "/api/2.0/mlflow/runs/create") => Of(s => s.CreateRunAsync(new RunCreation("1", RefRun, "r", "alice", 1795416647069, []))),
            (_, "/api/2.0/mlflow/runs/get") => Of(s => s.GetRunAsync(RefRun)),
            ("POST", "/api/2.0/mlflow/runs/update") => Of(s => s.UpdateRunAsync(RefRun, RunStatus.Finished, 1795416651015)),
            ("POST", "/api/2.0/mlflow/runs/search") => Of(s => s.SearchRunsAsync(["1"])),
            ("POST", "/api/2.0/mlflow/runs/restore") => Void(s => s.RestoreRunAsync(RefRun)),
            ("POST", "/api/2.0/mlflow/runs/log-inputs") => Void(s => s.LogInputsAsync(RefRun, [DatasetInput.WithContext(dataset, "training")])),
            ("POST", "/api/2.0/mlflow/runs/log-metric" or "/api/2.0/mlflow/runs/log-parameter" or "/api/2.0/mlflow/runs/set-tag"
                or "/api/2.0/mlflow/runs/delete-tag" or "/api/2.0/mlflow/runs/log-batch" or "/api/2.0/mlflow/runs/log-model") =>
                Void(s => s.LogBatchAsync(RefRun, [metric], [new Param("p", "v")], [new RunTag("t", "v")])),
            (_, "/api/2.0/mlflow/metrics/get-history" or "/api/2.0/mlflow/metrics/get-history-bulk-interval") => Of(s => s.GetMetricHistoryAsync(RefRun, "loss")),
            ("GET", "/api/2.0/mlflow-artifacts/artifacts" or "/api/2.0/mlflow/artifacts/list") => Of(s => s.ListArtifactsAsync(RefRun)),
            ("GET", var p) when p.StartsWith("/api/2.0/mlflow-artifacts/artifacts/", StringComparison.Ordinal) =>
                Of(async s => { await using var stream = await s.OpenArtifactAsync(RefRun, "hello.txt"); return await new StreamReader(stream).ReadToEndAsync(); }),
            ("PUT" or "DELETE", _) => Void(s => s.LogArtifactAsync(RefRun, "hello.txt", new MemoryStream([1, 2]))),
            // Endpoints the store never calls (experiment edits, logged models, health, unknown paths) are answered through an
            // operation without a result: this checks status and error handling, and that HTML where JSON belongs is refused.
            _ => Void(s => s.DeleteRunAsync(RefRun)),
        };
    }
}
