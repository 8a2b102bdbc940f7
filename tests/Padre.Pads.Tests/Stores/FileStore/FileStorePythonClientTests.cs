using System.Text.Json.Nodes;
using Padre.Pads.Stores.Mlflow.FileStore;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Stores.FileStore;

/// <summary>Our file store and MLflow's official Python client read each other's trees identically.</summary>
public sealed class FileStorePythonClientTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [MlflowFact]
    public async Task Python_client_reads_our_tree_as_we_do()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);
        await ReferenceScenario.WriteAsync(store);
        var ours = await MlflowView.BuildAsync(store);

        var python = RunPython(MlflowView.PythonDumpScript + "\nprint(json.dumps(dump(MlflowClient())))\n");

        AssertSame(python, ours);
        AssertScenarioContent(ours);
    }

    [MlflowFact]
    public async Task We_read_a_tree_the_python_client_wrote_as_it_does()
    {
        var python = RunPython(MlflowView.PythonDumpScript + WriteScenarioScript + "\nprint(json.dumps(dump(MlflowClient())))\n");

        await using var store = new FileTrackingStore(_temp.Mlruns);
        var ours = await MlflowView.BuildAsync(store);

        AssertSame(python, ours);
        AssertScenarioContent(ours);
    }

    // The reference scenario through MLflow's own fluent API and client, as make_filestore.py wrote it.
    private const string WriteScenarioScript = """

        import mlflow
        from mlflow.entities import Dataset, DatasetInput, InputTag, RunStatus
        client = MlflowClient()
        exp = client.create_experiment("fs-exp", tags={"team": "ml"})
        with mlflow.start_run(experiment_id=exp, run_name="run-a", description="first run") as run_a:
            mlflow.log_params({"lr": "0.01", "epochs": "3", "opt": "adam"})
            for step, value in enumerate([1.0, 0.5, 1 / 3, float("nan"), float("inf")]):
                mlflow.log_metric("loss", value, step=step)
            mlflow.log_metric("acc", 0.9)
            mlflow.log_metric("train/acc", 0.95, step=1)
            mlflow.log_metric("bm", 0.5, step=7)
            mlflow.log_param("bp", "x")
            mlflow.set_tag("bt", "y")
            mlflow.set_tag("owner", "alice")
            schema = '{"mlflow_colspec": [{"type": "long", "name": "a", "required": true}, {"type": "double", "name": "b", "required": true}]}'
            toy = Dataset("toy", "a27a57c9", "local", '{"uri": "file:///data/toy.csv"}', schema, '{"num_rows": 2, "num_elements": 4}')
            client.log_inputs(run_a.info.run_id, [DatasetInput(toy, [InputTag("mlflow.data.context", "training")])])
            mlflow.log_text("hello", "fs_a.txt")
            mlflow.log_text("some text", "dir/t.txt")
            with mlflow.start_run(run_name="child", nested=True):
                mlflow.log_param("child_p", "1")
                mlflow.log_metric("child_m", 1.0)
        with mlflow.start_run(experiment_id=exp, run_name="run-b"):
            mlflow.log_param("lr", "0.1")
            mlflow.log_metric("loss", 0.7)
            mlflow.set_tag("owner", "bob")
        failed = client.create_run(exp, run_name="run-failed")
        client.set_terminated(failed.info.run_id, "FAILED")
        client.delete_run(failed.info.run_id)
        """;

    private string RunPython(string script) => MlflowBundle.RunPython(script, new Dictionary<string, string>
    {
        ["MLFLOW_TRACKING_URI"] = FileUri.FromPath(Path.GetFullPath(_temp.Mlruns)),
        ["MLFLOW_ALLOW_FILE_STORE"] = "true",
        ["GIT_PYTHON_REFRESH"] = "quiet",
    }, workingDirectory: _temp.Path);

    private static void AssertSame(string pythonOutput, JsonObject ours)
    {
        var python = JsonNode.Parse(pythonOutput.Trim().Split('\n')[^1]);
        Assert.True(MlflowView.Same(python, ours), $"--- MLflow's Python client read ---\n{MlflowView.Show(python)}\n--- we read ---\n{MlflowView.Show(ours)}");
    }

    // The comparison above could pass on two empty views; this pins what both must contain.
    private static void AssertScenarioContent(JsonObject view)
    {
        var runs = view["runs"]!.AsArray();
        Assert.Equal(4, runs.Count);
        var runA = runs.Single(r => (string?)r!["run_name"] == "run-a")!;
        var child = runs.Single(r => (string?)r!["run_name"] == "child")!;
        Assert.Equal("[[\"1.0\",0],[\"0.5\",1],[\"0.3333333333333333\",2],[\"nan\",3],[\"inf\",4]]",
            new JsonArray([.. runA["history"]!["loss"]!.AsArray().Select(p => (JsonNode)new JsonArray(p![1]!.DeepClone(), p[2]!.DeepClone()))]).ToJsonString());
        Assert.Equal("0.95", (string?)runA["latest"]!["train/acc"]);
        Assert.Equal("first run", (string?)runA["tags"]!["mlflow.note.content"]);
        Assert.Equal("toy", (string?)runA["inputs"]![0]!["name"]);
        Assert.Equal("training", (string?)runA["inputs"]![0]!["tags"]!["mlflow.data.context"]);
        Assert.Equal("some text", (string?)runA["artifacts"]!.AsArray().Single(a => (string?)a!["path"] == "dir/t.txt")!["text"]);
        Assert.Equal((string?)runA["run_id"], (string?)child["tags"]!["mlflow.parentRunId"]);
        var failed = runs.Single(r => (string?)r!["run_name"] == "run-failed")!;
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Equal("deleted", (string?)failed["lifecycle"]);
    }
}
