using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.FileStore;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Stores.FileStore;

/// <summary>
/// Cases the reference tree does not hold (a run left running, a restored run, names and values YAML must
/// quote or fold, extreme metric values and steps), written by MLflow's Python FileStore and replayed through
/// ours with the same run ids and times: the two trees must match file for file, byte for byte.
/// </summary>
public sealed partial class FileStoreEdgeCaseBytesTests : IDisposable
{
    private readonly TempDirectory _python = new();
    private readonly TempDirectory _ours = new();

    public void Dispose()
    {
        _python.Dispose();
        _ours.Dispose();
    }

    private const string Script = """
        import json
        from mlflow.tracking import MlflowClient
        from mlflow.entities import Metric, Param, RunTag
        c = MlflowClient()
        long_name = "a long experiment name " * 5
        e1 = c.create_experiment("yes")
        e2 = c.create_experiment(long_name, tags={"k": "v " * 50})
        r1 = c.create_run(e1, start_time=1000, run_name="123")
        c.log_batch(r1.info.run_id, metrics=[Metric("m", float("-inf"), 5, -3), Metric("m", 1e-05, 6, 2**40), Metric("m", 1e16, 7, 0), Metric("x/y/z", 2.5, 8, 1)],
                    params=[Param("p", "ünï"), Param("n", "007"), Param("e", "")], tags=[RunTag("t", "multi\nline"), RunTag("q", "it's")])
        r2 = c.create_run(e1, start_time=2000, run_name="name: with colon")
        c.set_terminated(r2.info.run_id, "FINISHED", end_time=9000)
        c.delete_run(r2.info.run_id)
        c.restore_run(r2.info.run_id)
        r3 = c.create_run(e2, start_time=3000, run_name="k" * 90)
        c.set_terminated(r3.info.run_id, "KILLED", end_time=3500)
        runs = [c.get_run(r.info.run_id) for r in (r1, r2, r3)]
        print(json.dumps({"experiments": {"yes": e1, long_name: e2},
                          "runs": [{"id": r.info.run_id, "user": r.info.user_id, "tags": dict(r.data.tags)} for r in runs]}))
        """;

    [MlflowFact]
    public async Task Edge_cases_are_written_byte_for_byte_as_mlflow_writes_them()
    {
        var output = MlflowBundle.RunPython(Script, new Dictionary<string, string>
        {
            ["MLFLOW_TRACKING_URI"] = FileUri.FromPath(Path.GetFullPath(_python.Mlruns)),
            ["MLFLOW_ALLOW_FILE_STORE"] = "true",
            ["GIT_PYTHON_REFRESH"] = "quiet",
        }, workingDirectory: _python.Path);
        var written = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        var runs = written["runs"]!.AsArray();
        string Id(int i) => (string)runs[i]!["id"]!;
        string User(int i) => (string)runs[i]!["user"]!;
        RunTag[] CreationTags(int i) => [.. runs[i]!["tags"]!.AsObject()
            .Where(p => p.Key is not ("t" or "q")).Select(p => new RunTag(p.Key, (string)p.Value!))];

        var experimentIds = new Dictionary<string, string>();
        await using (var store = new FileTrackingStore(_ours.Mlruns))
        {
            var longName = string.Concat(Enumerable.Repeat("a long experiment name ", 5));
            var e1 = await store.CreateExperimentAsync("yes");
            var e2 = await store.CreateExperimentAsync(longName, tags: [new RunTag("k", string.Concat(Enumerable.Repeat("v ", 50)))]);
            experimentIds[(string)written["experiments"]!["yes"]!] = e1;
            experimentIds[(string)written["experiments"]![longName]!] = e2;

            await store.CreateRunAsync(new RunCreation(e1, Id(0), "123", User(0), 1000, CreationTags(0)));
            await store.LogBatchAsync(Id(0),
                [new Metric("m", double.NegativeInfinity, 5, -3), new Metric("m", 1e-05, 6, 1L << 40), new Metric("m", 1e16, 7, 0), new Metric("x/y/z", 2.5, 8, 1)],
                [new Param("p", "ünï"), new Param("n", "007"), new Param("e", "")],
                [new RunTag("t", "multi\nline"), new RunTag("q", "it's")]);
            await store.CreateRunAsync(new RunCreation(e1, Id(1), "name: with colon", User(1), 2000, CreationTags(1)));
            await store.UpdateRunAsync(Id(1), RunStatus.Finished, 9000);
            await store.DeleteRunAsync(Id(1));
            await store.RestoreRunAsync(Id(1));
            await store.CreateRunAsync(new RunCreation(e2, Id(2), new string('k', 90), User(2), 3000, CreationTags(2)));
            await store.UpdateRunAsync(Id(2), RunStatus.Killed, 3500);
        }

        var pythonFiles = Files(_python.Mlruns, id => experimentIds.GetValueOrDefault(id, id));
        var ourFiles = Files(_ours.Mlruns, id => id);
        Assert.Equal(pythonFiles.Keys.Order(StringComparer.Ordinal), ourFiles.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, expected) in pythonFiles)
        {
            Assert.True(expected == ourFiles[path], $"{path} differs.\n--- MLflow ---\n{expected}\n--- ours ---\n{ourFiles[path]}");
        }

        Assert.True(pythonFiles.Count(file => file.Value != "<dir>") >= 17, $"MLflow wrote only {pythonFiles.Count} entries");
        Assert.Contains(pythonFiles.Keys, path => path.EndsWith("metrics/x/y/z", StringComparison.Ordinal));
    }

    // Every file and directory, experiment ids mapped to ours, store-stamped times and the root path neutralised.
    private static Dictionary<string, string> Files(string root, Func<string, string> mapExperimentId)
    {
        var full = Path.GetFullPath(root);
        var uri = FileUri.FromPath(full);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries(full, "*", SearchOption.AllDirectories))
        {
            var relative = string.Join('/', Path.GetRelativePath(full, entry).Split(Path.DirectorySeparatorChar).Select(mapExperimentId));
            if (Directory.Exists(entry))
            {
                files[relative + "/"] = "<dir>";
                continue;
            }

            var text = File.ReadAllText(entry).Replace(uri, "file://<root>", StringComparison.Ordinal);
            text = ExperimentIdText().Replace(text, m => m.Groups[1].Value + mapExperimentId(m.Groups[2].Value));
            files[relative] = StoreStamps().Replace(text, "$1: <time>");
        }

        return files;
    }

    [GeneratedRegex(@"(experiment_id: '|file://<root>/)(\d+)")]
    private static partial Regex ExperimentIdText();

    [GeneratedRegex(@"(creation_time|last_update_time|deleted_time): \d+")]
    private static partial Regex StoreStamps();
}
