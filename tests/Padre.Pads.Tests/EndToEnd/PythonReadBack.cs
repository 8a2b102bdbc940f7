using System.Text.Json;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.EndToEnd;

/// <summary>
/// Reads every run of one experiment back with MLflow's official Python client, in one Python process
/// (imports cost seconds), as JSON: status, params, tags, the "loss" history, dataset inputs and artifact contents.
/// </summary>
internal static class PythonReadBack
{
    private const string Script = """
        import json, math, os, tempfile
        from mlflow import MlflowClient
        from mlflow.entities import ViewType

        c = MlflowClient()
        exp = c.get_experiment_by_name(os.environ["PADRE_EXPERIMENT"])
        runs = c.search_runs([exp.experiment_id], run_view_type=ViewType.ALL, max_results=1000)

        def num(v):
            if math.isnan(v): return "NaN"
            if math.isinf(v): return "Infinity" if v > 0 else "-Infinity"
            return v

        out = []
        for r in runs:
            rid = r.info.run_id
            files = {}
            tmp = tempfile.mkdtemp()
            def walk(path):
                for a in c.list_artifacts(rid, path):
                    if a.is_dir:
                        walk(a.path)
                    else:
                        with open(c.download_artifacts(rid, a.path, tmp), encoding="utf-8") as f:
                            files[a.path] = f.read()
            walk(None)
            metric_keys = list(r.data.metrics.keys())
            out.append({
                "id": rid,
                "name": r.info.run_name,
                "status": r.info.status,
                "params": r.data.params,
                "tags": r.data.tags,
                "metricKeys": metric_keys,
                "loss": [[m.step, num(m.value)] for m in sorted(c.get_metric_history(rid, "loss"), key=lambda m: (m.step, m.timestamp))],
                "inputs": [{"name": d.dataset.name, "digest": d.dataset.digest, "sourceType": d.dataset.source_type,
                            "source": d.dataset.source, "tags": {t.key: t.value for t in d.tags}}
                           for d in r.inputs.dataset_inputs],
                "artifacts": files,
            })
        print(json.dumps(out))
        """;

    public static IReadOnlyList<RunView> Read(string trackingUri, string experiment, string workingDirectory)
    {
        var env = new Dictionary<string, string>
        {
            ["MLFLOW_TRACKING_URI"] = trackingUri,
            ["PADRE_EXPERIMENT"] = experiment,
            ["MLFLOW_ALLOW_FILE_STORE"] = "true",
        };
        var stdout = MlflowBundle.RunPython(Script, env, workingDirectory, TimeSpan.FromMinutes(4));
        var json = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(l => l.StartsWith('['));
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(RunView.From).ToList();
    }
}

/// <summary>One run as the Python client sees it.</summary>
internal sealed record RunView(
    string Id,
    string Name,
    string Status,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> MetricKeys,
    IReadOnlyList<(long Step, double Value)> Loss,
    IReadOnlyList<(string Name, string Digest, string SourceType, string Source, IReadOnlyDictionary<string, string> Tags)> Inputs,
    IReadOnlyDictionary<string, string> Artifacts)
{
    public static RunView From(JsonElement e) => new(
        e.GetProperty("id").GetString()!,
        e.GetProperty("name").GetString()!,
        e.GetProperty("status").GetString()!,
        Strings(e.GetProperty("params")),
        Strings(e.GetProperty("tags")),
        e.GetProperty("metricKeys").EnumerateArray().Select(k => k.GetString()!).ToList(),
        e.GetProperty("loss").EnumerateArray().Select(p => (p[0].GetInt64(), Number(p[1]))).ToList(),
        e.GetProperty("inputs").EnumerateArray().Select(i => (
            i.GetProperty("name").GetString()!,
            i.GetProperty("digest").GetString()!,
            i.GetProperty("sourceType").GetString()!,
            i.GetProperty("source").GetString()!,
            Strings(i.GetProperty("tags")))).ToList(),
        Strings(e.GetProperty("artifacts")));

    private static IReadOnlyDictionary<string, string> Strings(JsonElement e) =>
        e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
        : e.GetDouble();
}
