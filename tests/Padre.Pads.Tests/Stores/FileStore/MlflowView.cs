using System.Text.Json.Nodes;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.FileStore;

namespace Padre.Pads.Tests.Stores.FileStore;

/// <summary>
/// One JSON view of everything in a tracking store (experiments, runs, params, tags, latest metrics, metric
/// histories, inputs, artifacts with contents), built the same way from our store here and from MLflow's
/// Python client in <see cref="PythonDumpScript"/>, so the two readers can be compared as a whole.
/// </summary>
internal static class MlflowView
{
    /// <summary>Python that prints the same view as <see cref="BuildAsync"/>, read through MLflow's client.</summary>
    public const string PythonDumpScript = """
        import json, os, tempfile
        from mlflow.tracking import MlflowClient
        from mlflow.entities import ViewType
        import mlflow.artifacts

        def dump(client):
            def f(v):
                return str(float(v))

            def walk(run_id, path, into):
                for a in client.list_artifacts(run_id, path):
                    if a.is_dir:
                        into.append({"path": a.path, "dir": True})
                        walk(run_id, a.path, into)
                    else:
                        local = mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path=a.path, dst_path=tempfile.mkdtemp())
                        with open(local, encoding="utf-8") as fh:
                            into.append({"path": a.path, "dir": False, "size": a.file_size, "text": fh.read()})
                return into

            out = {"experiments": [], "runs": []}
            for e in sorted(client.search_experiments(view_type=ViewType.ALL), key=lambda e: e.experiment_id):
                out["experiments"].append({"id": e.experiment_id, "name": e.name, "lifecycle": e.lifecycle_stage,
                                           "artifact_location": e.artifact_location, "tags": dict(e.tags)})
                for r in sorted(client.search_runs([e.experiment_id], run_view_type=ViewType.ALL), key=lambda r: r.info.run_id):
                    i = r.info
                    out["runs"].append({
                        "run_id": i.run_id, "experiment_id": i.experiment_id, "run_name": i.run_name, "user_id": i.user_id,
                        "status": i.status, "start_time": i.start_time, "end_time": i.end_time, "lifecycle": i.lifecycle_stage,
                        "artifact_uri": i.artifact_uri, "params": dict(r.data.params), "tags": dict(r.data.tags),
                        "latest": {k: f(v) for k, v in r.data.metrics.items()},
                        "history": {k: [[m.timestamp, f(m.value), m.step] for m in client.get_metric_history(i.run_id, k)] for k in r.data.metrics},
                        "inputs": [{"name": d.dataset.name, "digest": d.dataset.digest, "source_type": d.dataset.source_type,
                                    "source": d.dataset.source, "schema": d.dataset.schema, "profile": d.dataset.profile,
                                    "tags": {t.key: t.value for t in d.tags}} for d in r.inputs.dataset_inputs],
                        "artifacts": walk(i.run_id, None, []),
                    })
            return out
        """;

    /// <summary>The view of <paramref name="store"/>.</summary>
    public static async Task<JsonObject> BuildAsync(ITrackingStore store)
    {
        var experiments = new JsonArray();
        var runs = new JsonArray();
        foreach (var experiment in (await store.SearchExperimentsAsync(ViewType.All)).OrderBy(e => e.ExperimentId, StringComparer.Ordinal))
        {
            experiments.Add(new JsonObject
            {
                ["id"] = experiment.ExperimentId,
                ["name"] = experiment.Name,
                ["lifecycle"] = experiment.LifecycleStage,
                ["artifact_location"] = experiment.ArtifactLocation,
                ["tags"] = Map(experiment.Tags.Select(t => (t.Key, t.Value))),
            });
            var found = await store.SearchRunsAsync([experiment.ExperimentId], viewType: ViewType.All);
            foreach (var run in found.OrderBy(r => r.Info.RunId, StringComparer.Ordinal))
            {
                var info = run.Info;
                var history = new JsonObject();
                foreach (var metric in run.LatestMetrics)
                {
                    var points = new JsonArray();
                    foreach (var point in await store.GetMetricHistoryAsync(info.RunId, metric.Key))
                    {
                        points.Add(new JsonArray(point.Timestamp, PythonFloat.Format(point.Value), point.Step));
                    }

                    history[metric.Key] = points;
                }

                runs.Add(new JsonObject
                {
                    ["run_id"] = info.RunId,
                    ["experiment_id"] = info.ExperimentId,
                    ["run_name"] = info.RunName,
                    ["user_id"] = info.UserId,
                    ["status"] = info.Status.ToString().ToUpperInvariant(),
                    ["start_time"] = info.StartTime,
                    ["end_time"] = info.EndTime,
                    ["lifecycle"] = info.LifecycleStage,
                    ["artifact_uri"] = info.ArtifactUri,
                    ["params"] = Map(run.Params.Select(p => (p.Key, p.Value))),
                    ["tags"] = Map(run.Tags.Select(t => (t.Key, t.Value))),
                    ["latest"] = Map(run.LatestMetrics.Select(m => (m.Key, PythonFloat.Format(m.Value)))),
                    ["history"] = history,
                    ["inputs"] = new JsonArray([.. run.Inputs.Select(input => (JsonNode)new JsonObject
                    {
                        ["name"] = input.Dataset.Name,
                        ["digest"] = input.Dataset.Digest,
                        ["source_type"] = input.Dataset.SourceType,
                        ["source"] = input.Dataset.Source,
                        ["schema"] = input.Dataset.Schema,
                        ["profile"] = input.Dataset.Profile,
                        ["tags"] = Map(input.Tags.Select(t => (t.Key, t.Value))),
                    })]),
                    ["artifacts"] = await ArtifactsAsync(store, info.RunId, null, new JsonArray()),
                });
            }
        }

        return new JsonObject { ["experiments"] = experiments, ["runs"] = runs };
    }

    /// <summary>True when both views hold the same data (object key order ignored).</summary>
    public static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(Sorted(a), Sorted(b));

    /// <summary>The view with object keys sorted, for readable failure messages.</summary>
    public static string Show(JsonNode? node) => Sorted(node)?.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) ?? "null";

    private static async Task<JsonArray> ArtifactsAsync(ITrackingStore store, string runId, string? path, JsonArray into)
    {
        foreach (var entry in await store.ListArtifactsAsync(runId, path))
        {
            if (entry.IsDirectory)
            {
                into.Add(new JsonObject { ["path"] = entry.Path, ["dir"] = true });
                await ArtifactsAsync(store, runId, entry.Path, into);
                continue;
            }

            await using var stream = await store.OpenArtifactAsync(runId, entry.Path);
            using var reader = new StreamReader(stream);
            into.Add(new JsonObject { ["path"] = entry.Path, ["dir"] = false, ["size"] = entry.FileSize, ["text"] = await reader.ReadToEndAsync() });
        }

        return into;
    }

    private static JsonObject Map(IEnumerable<(string Key, string Value)> pairs)
    {
        var map = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            map[key] = value;
        }

        return map;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
