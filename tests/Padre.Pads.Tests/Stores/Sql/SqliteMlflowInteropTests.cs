using System.Text.Json;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Sql;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Stores.Sql;

/// <summary>MLflow 3 itself (Python client, server) reads and appends to databases our store writes, and the reverse.</summary>
public sealed class SqliteMlflowInteropTests
{
    private static JsonElement RunPython(SqliteStoreScope scope, string script)
    {
        var output = MlflowBundle.RunPython(
            script,
            new Dictionary<string, string> { ["MLFLOW_TRACKING_URI"] = "sqlite:///" + scope.DatabasePath },
            scope.Directory,
            // The import alone takes ~3 s on an idle machine but a minute when eight builds share two cores.
            TimeSpan.FromMinutes(5));
        var line = output.Split('\n').Single(l => l.StartsWith("RESULT", StringComparison.Ordinal));
        return JsonDocument.Parse(line["RESULT".Length..]).RootElement.Clone();
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.ToString()).ToArray();

    [MlflowFact]
    public async Task The_official_client_reads_our_runs_and_appends_to_our_database()
    {
        await using var scope = new SqliteStoreScope();
        var scenario = new ReferenceScenario();
        await scenario.WriteAsync(scope.Store);

        var result = RunPython(scope, $$"""
            import json
            from mlflow import MlflowClient
            c = MlflowClient()
            P = "{{scenario.Parent}}"
            exp = c.get_experiment_by_name("client-traffic")
            p = c.get_run(P)
            ch = c.get_run("{{scenario.Child}}")
            d = p.inputs.dataset_inputs
            out = {
              "exp": [exp.experiment_id, exp.artifact_location, exp.lifecycle_stage, c.get_experiment("0").name],
              "info": [p.info.status, p.info.run_name, p.info.artifact_uri, p.info.lifecycle_stage, p.info.user_id, str(p.info.end_time)],
              "params": p.data.params,
              "metrics": {k: repr(v) for k, v in p.data.metrics.items()},
              "tags": p.data.tags,
              "inputs": [[x.dataset.name, x.dataset.digest, x.dataset.source_type, x.dataset.source, x.dataset.schema, x.dataset.profile, sorted(t.key + "=" + t.value for t in x.tags)] for x in d],
              "loss": [f"{m.step}:{m.value!r}" for m in c.get_metric_history(P, "loss")],
              "many": [len(c.get_metric_history(P, "many")), repr(c.get_metric_history(P, "many")[-1].value)],
              "child": [ch.info.status, ch.data.tags.get("mlflow.parentRunId"), repr(ch.data.metrics["child_m"])],
              "children": [r.info.run_id for r in c.search_runs([exp.experiment_id], f"tags.mlflow.parentRunId = '{P}'")],
              "runs": sorted(r.info.run_name for r in c.search_runs([exp.experiment_id])),
              "artifacts": sorted(f"{f.path}:{f.is_dir}:{f.file_size}" for f in c.list_artifacts(P)),
              "dir": [f.path for f in c.list_artifacts(P, "dir")],
              "text": open(c.download_artifacts(P, "dir/t.txt", ".")).read(),
            }
            c.log_metric(P, "py_metric", 2.5, step=7)
            r = c.create_run(exp.experiment_id, run_name="py-run")
            c.log_param(r.info.run_id, "py_param", "x")
            out["py_run"] = r.info.run_id
            print("RESULT" + json.dumps(out))
            """);

        Assert.Equal(["1", scope.ArtifactRoot + "/1", "active", "Default"], Strings(result.GetProperty("exp")));
        Assert.Equal(["FAILED", "parent", $"{scope.ArtifactRoot}/1/{scenario.Parent}/artifacts", "active", "root", "1795416661953"], Strings(result.GetProperty("info")));
        Assert.Equal("""{"lr":"0.01","epochs":"3","opt":"adam","bp":"1"}""", Canonical(result.GetProperty("params")));
        Assert.Equal("""{"loss":"1.7976931348623157e\u002B308","a":"1.0","b":"2.0","bm":"1.0","many":"2499.0"}""", Canonical(result.GetProperty("metrics")));
        var tags = result.GetProperty("tags");
        Assert.Equal(["parent", "x", "1", "root", "LOCAL"], new[] { "mlflow.runName", "team", "bt", "mlflow.user", "mlflow.source.type" }.Select(k => tags.GetProperty(k).GetString()));
        var input = result.GetProperty("inputs").EnumerateArray().Single();
        var toy = ReferenceScenario.Toy;
        Assert.Equal([toy.Name, toy.Digest, toy.SourceType, toy.Source, toy.Schema, toy.Profile, "mlflow.data.context=training;split=train"], input.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Array ? string.Join(';', Strings(e)) : e.GetString()));
        Assert.Equal(["0:0.5", "1:nan", "2:1.7976931348623157e+308"], Strings(result.GetProperty("loss")));
        Assert.Equal(["2500", "2499.0"], Strings(result.GetProperty("many")));
        Assert.Equal(["FINISHED", scenario.Parent, "1.0"], Strings(result.GetProperty("child")));
        Assert.Equal([scenario.Child], Strings(result.GetProperty("children")));
        Assert.Equal(["bright-gnu-757", "child", "parent"], Strings(result.GetProperty("runs")));
        Assert.Equal(["ct_a.txt:False:10", "d.json:False:8", "dir:True:None", "sub:True:None"], Strings(result.GetProperty("artifacts")));
        Assert.Equal(["dir/t.txt"], Strings(result.GetProperty("dir")));
        Assert.Equal("some text", result.GetProperty("text").GetString());

        // What MLflow appended, we read.
        var parent = (await scope.Store.GetRunAsync(scenario.Parent))!;
        Assert.Contains(new Metric("py_metric", 2.5, parent.LatestMetrics.Single(m => m.Key == "py_metric").Timestamp, 7), parent.LatestMetrics);
        var pyRun = (await scope.Store.GetRunAsync(result.GetProperty("py_run").GetString()!))!;
        Assert.Equal([new Param("py_param", "x")], pyRun.Params);
        Assert.Equal("py-run", pyRun.Info.RunName);
    }

    [MlflowFact]
    public async Task We_append_to_a_database_MLflow_created_and_MLflow_still_reads_everything()
    {
        await using var scope = new SqliteStoreScope();
        await scope.Store.DisposeAsync();
        var ourSchema = scope.Rows("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL").Select(SqliteSchemaTests.Normalize).Order(StringComparer.Ordinal).ToList();
        File.Delete(scope.DatabasePath);

        var created = RunPython(scope, """
            import json
            from mlflow import MlflowClient
            from mlflow.entities import Dataset, DatasetInput, InputTag, Metric
            c = MlflowClient()
            e = c.create_experiment("from-mlflow")
            r = c.create_run(e, run_name="py-parent")
            c.log_param(r.info.run_id, "lr", "0.1")
            c.log_metric(r.info.run_id, "loss", 0.9, step=0)
            ds = Dataset(name="toy", digest="a27a57c9", source_type="local", source='{"uri": "file:///data/toy.csv"}')
            c.log_inputs(r.info.run_id, [DatasetInput(ds, [InputTag("mlflow.data.context", "training")])])
            print("RESULT" + json.dumps({"experiment": e, "run": r.info.run_id}))
            """);
        var experimentId = created.GetProperty("experiment").GetString()!;
        var mlflowRun = created.GetProperty("run").GetString()!;

        // MLflow's own migrations produced the schema we create.
        Assert.Equal(ourSchema, scope.Rows("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL").Select(SqliteSchemaTests.Normalize).Order(StringComparer.Ordinal));

        await using (var store = new SqliteTrackingStore(scope.DatabasePath, scope.ArtifactRoot))
        {
            await store.LogBatchAsync(mlflowRun, [new Metric("loss", 0.4, 1_795_416_700_000, 1)], [new Param("lr", "0.1")], [new RunTag("appended", "yes")]);
            var ours = await store.CreateRunAsync(new RunCreation(experimentId, Guid.NewGuid().ToString("N"), "ours", "tester", 1_795_416_700_000, [new RunTag("mlflow.parentRunId", mlflowRun)]));
            await store.LogBatchAsync(ours.RunId, [new Metric("acc", double.NaN, 1_795_416_700_001, 0)], [new Param("opt", "adam")], []);
            await store.LogInputsAsync(ours.RunId, [DatasetInput.WithContext(new Dataset("toy", "a27a57c9", "local", "{\"uri\": \"file:///data/toy.csv\"}"), "eval")]);
            await store.LogArtifactAsync(ours.RunId, "model/info.txt", new MemoryStream("m"u8.ToArray()));
            await store.UpdateRunAsync(ours.RunId, RunStatus.Finished, 1_795_416_700_010);
            var newExperiment = await store.CreateExperimentAsync("from-padre");

            var read = RunPython(scope, $$"""
                import json
                from mlflow import MlflowClient
                c = MlflowClient()
                m = c.get_run("{{mlflowRun}}")
                o = c.get_run("{{ours.RunId}}")
                out = {
                  "loss": sorted(f"{x.step}:{x.value}" for x in c.get_metric_history(m.info.run_id, "loss")),
                  "latest": repr(m.data.metrics["loss"]),
                  "tags": [m.data.tags.get("appended"), o.data.tags.get("mlflow.parentRunId"), o.data.tags.get("mlflow.runName")],
                  "ours": [o.info.status, o.info.artifact_uri, o.data.params.get("opt"), repr(o.data.metrics["acc"])],
                  "inputs": [[x.dataset.name, [t.value for t in x.tags]] for x in o.inputs.dataset_inputs],
                  "artifacts": [f.path for f in c.list_artifacts(o.info.run_id, "model")],
                  "experiments": sorted(x.experiment_id + ":" + x.name for x in c.search_experiments()),
                  "new_location": c.get_experiment("{{newExperiment}}").artifact_location,
                }
                print("RESULT" + json.dumps(out))
                """);

            Assert.Equal(["0:0.9", "1:0.4"], Strings(read.GetProperty("loss")));
            Assert.Equal("0.4", read.GetProperty("latest").GetString());
            Assert.Equal(["yes", mlflowRun, "ours"], Strings(read.GetProperty("tags")));
            Assert.Equal(["FINISHED", $"{scope.ArtifactRoot}/{experimentId}/{ours.RunId}/artifacts", "adam", "nan"], Strings(read.GetProperty("ours")));
            Assert.Equal("""[["toy",["eval"]]]""", Canonical(read.GetProperty("inputs")));
            Assert.Equal(["model/info.txt"], Strings(read.GetProperty("artifacts")));
            Assert.Equal(["0:Default", $"{experimentId}:from-mlflow", $"{newExperiment}:from-padre"], Strings(read.GetProperty("experiments")));
            Assert.Equal(scope.ArtifactRoot + "/" + newExperiment, read.GetProperty("new_location").GetString());
        }

        Assert.Equal(["1"], scope.Rows("SELECT count(*) FROM datasets"));
    }

    [MlflowFact]
    public async Task MLflow_server_serves_our_database_without_migrating_it()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync(name: "served");
        await scope.Store.LogBatchAsync(runId, [new Metric("acc", 0.75, SqliteStoreScope.Time(), 2)], [new Param("lr", "0.01")], []);
        await scope.Store.DisposeAsync();
        var before = scope.Rows("SELECT type, name, sql FROM sqlite_master");

        string body;
        string log;
        using (var server = MlflowBundle.StartServer("sqlite:///" + scope.DatabasePath))
        {
            using var http = new HttpClient { BaseAddress = server.TrackingUri };
            body = await http.GetStringAsync($"api/2.0/mlflow/runs/get?run_id={runId}");
            log = File.ReadAllText(Path.Combine(server.WorkDirectory, "mlflow-server.log"));
        }

        var run = JsonDocument.Parse(body).RootElement.GetProperty("run");
        Assert.Equal("served", run.GetProperty("info").GetProperty("run_name").GetString());
        Assert.Equal(0.75, run.GetProperty("data").GetProperty("metrics")[0].GetProperty("value").GetDouble());
        Assert.DoesNotContain("Creating initial MLflow database tables", log, StringComparison.Ordinal);
        Assert.DoesNotContain("out-of-date database schema", log, StringComparison.Ordinal);
        Assert.Equal(before, scope.Rows("SELECT type, name, sql FROM sqlite_master"));
        Assert.Equal(["7d34483879f0"], scope.Rows("SELECT version_num FROM alembic_version"));
    }

    private static string Canonical(JsonElement element) => JsonSerializer.Serialize(element);
}
