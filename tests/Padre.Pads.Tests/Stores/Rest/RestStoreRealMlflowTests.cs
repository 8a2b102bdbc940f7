using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Rest;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Stores.Rest;

/// <summary>The store against a real MLflow 3 server; the official python client reads back what it wrote.</summary>
[Collection(MlflowServerCollection.Name)]
public sealed class RestStoreRealMlflowTests(MlflowServerFixture fixture)
{
    private static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    [MlflowFact]
    public async Task Run_written_by_the_store_reads_back_identically_with_the_python_client()
    {
        var server = fixture.Server;
        await using var store = new RestTrackingStore(new RestStoreOptions { BaseUri = server.TrackingUri, MaxRetries = 2, BackoffFactor = 0 });
        var experimentId = await store.CreateExperimentAsync($"rest-{Guid.NewGuid():N}", tags: [new RunTag("team", "ml")]);
        var parent = await store.CreateRunAsync(new RunCreation(experimentId, Guid.NewGuid().ToString("N"), "parent", "alice", Now, [new RunTag("mlflow.user", "alice")]));
        var child = await store.CreateRunAsync(new RunCreation(experimentId, Guid.NewGuid().ToString("N"), "child", "alice", Now,
            [new RunTag("mlflow.parentRunId", parent.RunId)]));
        Metric[] loss = [new("loss", 0.5, Now, 0), new("loss", double.NaN, Now + 1, 1), new("loss", double.PositiveInfinity, Now + 2, 2),
                         new("loss", double.NegativeInfinity, Now + 3, 3), new("loss", 0.25, Now + 4, 1099511627776)];
        await store.LogBatchAsync(parent.RunId, [.. loss, new Metric("train/acc", 0.9, Now, -5)],
            [new Param("lr", "0.01"), new Param("optimizer", "adam")], [new RunTag("note", "first"), new RunTag("stage", "dev")]);
        var dataset = new Dataset("iris", "a27a57c9", "local", """{"uri": "file:///data/iris.csv"}""", """{"mlflow_colspec": []}""", """{"num_rows": 150}""");
        await store.LogInputsAsync(parent.RunId, [DatasetInput.WithContext(dataset, "training")]);
        await store.LogArtifactAsync(parent.RunId, "hello.txt", new MemoryStream(Encoding.UTF8.GetBytes("hello world\n")));
        await store.LogArtifactAsync(parent.RunId, "dir/sub/data.json", new MemoryStream(Encoding.UTF8.GetBytes("""{"k": 1}""")));
        await store.UpdateRunAsync(child.RunId, RunStatus.Finished, Now + 10);
        await store.UpdateRunAsync(parent.RunId, RunStatus.Finished, Now + 11);

        var python = ReadWithPython(server, parent.RunId, child.RunId);

        Assert.Equal("FINISHED", python["status"]!.GetValue<string>());
        Assert.Equal("parent", python["name"]!.GetValue<string>());
        Assert.Equal(parent.RunId, python["child_parent"]!.GetValue<string>());
        Assert.Equal("""{"lr":"0.01","optimizer":"adam"}""", python["params"]!.ToJsonString());
        Assert.Equal(("first", "dev", "alice"), (python["tags"]!["note"]!.GetValue<string>(), python["tags"]!["stage"]!.GetValue<string>(), python["tags"]!["mlflow.user"]!.GetValue<string>()));
        // MLflow's SQL store keeps NaN but clamps infinities to ±double.MaxValue; that is what every reader sees.
        var expected = loss.Select(m => (m.Step, m.Timestamp, double.IsInfinity(m.Value) ? Math.CopySign(double.MaxValue, m.Value) : m.Value));
        Assert.Equal(expected, History(python["history"]!["loss"]!));
        Assert.Equal([(-5L, Now, 0.9)], History(python["history"]!["train/acc"]!));
        Assert.Equal("""[["iris","a27a57c9","local","{\u0022uri\u0022: \u0022file:///data/iris.csv\u0022}",[["mlflow.data.context","training"]]]]""", python["inputs"]!.ToJsonString());
        Assert.Equal("""["dir","dir/sub","dir/sub/data.json","hello.txt"]""", python["artifacts"]!.ToJsonString());
        Assert.Equal("""{"k": 1}""", python["content"]!.GetValue<string>());

        // And the store reads the same back.
        var run = (await store.GetRunAsync(parent.RunId))!;
        Assert.Equal(expected, (await store.GetMetricHistoryAsync(parent.RunId, "loss")).Select(m => (m.Step, m.Timestamp, m.Value)));
        Assert.Equal(["dir", "hello.txt"], (await store.ListArtifactsAsync(parent.RunId)).Select(a => a.Path));
        Assert.Equal([new ArtifactEntry("dir/sub", true, null)], await store.ListArtifactsAsync(parent.RunId, "dir"));
        using (var reader = new StreamReader(await store.OpenArtifactAsync(parent.RunId, "hello.txt")))
        {
            Assert.Equal("hello world\n", await reader.ReadToEndAsync());
        }

        Assert.Equal("training", run.Inputs.Single().Tags.Single().Value);
        Assert.Contains(await store.SearchRunsAsync([experimentId]), r => r.Info.RunId == child.RunId);
        Assert.Equal("team", (await store.GetExperimentAsync(experimentId))!.Tags.Single().Key);
        Assert.Null(await store.GetRunAsync("0123456789abcdef0123456789abcdef"));
    }

    [MlflowFact]
    public async Task Delete_and_restore_change_the_lifecycle_stage_on_the_server()
    {
        await using var store = new RestTrackingStore(new RestStoreOptions { BaseUri = fixture.Server.TrackingUri });
        var experimentId = await store.CreateExperimentAsync($"rest-{Guid.NewGuid():N}");
        var run = await store.CreateRunAsync(new RunCreation(experimentId, Guid.NewGuid().ToString("N"), null, "alice", Now, []));

        await store.DeleteRunAsync(run.RunId);
        var deleted = (await store.GetRunAsync(run.RunId))!.Info.LifecycleStage;
        await store.RestoreRunAsync(run.RunId);

        Assert.Equal(("deleted", "active"), (deleted, (await store.GetRunAsync(run.RunId))!.Info.LifecycleStage));
        Assert.NotEmpty(run.RunName);
    }

    [MlflowFact]
    public async Task Log_batch_retried_after_the_server_stored_it_leaves_no_duplicate_metrics_and_no_param_error()
    {
        var server = fixture.Server;
        await using var direct = new RestTrackingStore(new RestStoreOptions { BaseUri = server.TrackingUri });
        var experimentId = await direct.CreateExperimentAsync($"rest-faults-{Guid.NewGuid():N}");
        var run = await direct.CreateRunAsync(new RunCreation(experimentId, Guid.NewGuid().ToString("N"), "faulted", "alice", Now, []));
        await using var proxy = await FaultHost.StartAsync(FaultHost.ForwardTo(server.TrackingUri));
        // Slow answers are covered in process (RestStoreFaultTests); against a real server on a loaded machine a short timeout would be flaky.
        proxy.Inject(Fault.ResetAfter, Fault.TooManyRequests, Fault.Unavailable, Fault.ResetBefore, Fault.ResetAfter);
        await using var store = new RestTrackingStore(new RestStoreOptions { BaseUri = proxy.Address, MaxRetries = 7, BackoffFactor = 0, BackoffJitter = 0 });
        var metrics = Enumerable.Range(0, 1200).Select(i => new Metric("loss", i == 3 ? double.NaN : i / 10.0, Now + i, i)).ToList();

        await store.LogBatchAsync(run.RunId, metrics, [new Param("lr", "0.01"), new Param("epochs", "3")], [new RunTag("t", "v")]);

        var python = JsonNode.Parse(Python(server, $$"""
            import json
            from mlflow import MlflowClient
            c = MlflowClient()
            h = c.get_metric_history("{{run.RunId}}", "loss")
            print(json.dumps({"points": len(h), "steps": len({m.step for m in h}), "params": c.get_run("{{run.RunId}}").data.params}))
            """))!;
        Assert.Equal((1200, 1200), (python["points"]!.GetValue<int>(), python["steps"]!.GetValue<int>()));
        Assert.Equal("""{"lr":"0.01","epochs":"3"}""", python["params"]!.ToJsonString());
        // Chunk one reached the server at least three times (twice its answer was lost), chunk two once.
        Assert.True(proxy.Forwarded >= 4, $"{proxy.Forwarded} requests reached the server");
    }

    private static JsonNode ReadWithPython(MlflowServer server, string runId, string childId) => JsonNode.Parse(Python(server, $$"""
        import json, tempfile, mlflow
        from mlflow import MlflowClient
        c = MlflowClient()
        run = c.get_run("{{runId}}")
        def walk(path=None):
            out = []
            for f in c.list_artifacts("{{runId}}", path):
                out.append(f.path)
                if f.is_dir:
                    out.extend(walk(f.path))
            return out
        dst = mlflow.artifacts.download_artifacts(run_id="{{runId}}", artifact_path="dir/sub/data.json", dst_path=tempfile.mkdtemp())
        print(json.dumps({
            "status": run.info.status,
            "name": run.info.run_name,
            "params": dict(sorted(run.data.params.items())),
            "tags": run.data.tags,
            "history": {k: [[m.step, m.timestamp, repr(m.value)] for m in c.get_metric_history("{{runId}}", k)] for k in ["loss", "train/acc"]},
            "inputs": [[d.dataset.name, d.dataset.digest, d.dataset.source_type, d.dataset.source, [[t.key, t.value] for t in d.tags]] for d in run.inputs.dataset_inputs],
            "artifacts": sorted(walk()),
            "content": open(dst).read(),
            "child_parent": c.get_run("{{childId}}").data.tags.get("mlflow.parentRunId"),
        }))
        """))!;

    // Without retries the python client says at once why a call fails. The long timeout is for a loaded machine,
    // where importing mlflow alone has been seen to take three minutes.
    private static string Python(MlflowServer server, string script) => MlflowBundle.RunPython(script, new Dictionary<string, string>
    {
        ["MLFLOW_TRACKING_URI"] = server.TrackingUri.ToString().TrimEnd('/'),
        ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0",
    }, server.WorkDirectory, TimeSpan.FromMinutes(10));

    private static List<(long Step, long Timestamp, double Value)> History(JsonNode points) =>
        points.AsArray().Select(p => (p![0]!.GetValue<long>(), p[1]!.GetValue<long>(), PythonFloat(p[2]!.GetValue<string>()))).ToList();

    private static double PythonFloat(string repr) => repr switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(repr, CultureInfo.InvariantCulture),
    };
}
