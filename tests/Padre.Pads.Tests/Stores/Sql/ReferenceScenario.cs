using System.Text;
using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Stores.Sql;

/// <summary>
/// The python client session of <c>shared/mlflow-reference/client-traffic</c> replayed through a store with the same
/// timestamps: experiment <c>client-traffic</c>, run <c>parent</c> (params lr/epochs/opt/bp, metric loss with NaN and
/// +inf, a, b, bm, 2500 points of many, tags, dataset toy, artifacts), nested run <c>child</c>, and a third run.
/// </summary>
public sealed class ReferenceScenario
{
    public const string SourceName = "<local-dir>/capture_client_traffic.py";

    public static readonly Dataset Toy = new(
        "toy",
        "a27a57c9",
        "local",
        "{\"uri\": \"file:///data/toy.csv\"}",
        "{\"mlflow_colspec\": [{\"type\": \"long\", \"name\": \"a\", \"required\": true}, {\"type\": \"double\", \"name\": \"b\", \"required\": true}]}",
        "{\"num_rows\": 2, \"num_elements\": 4}");

    public string ExperimentId { get; private set; } = "";

    public string Parent { get; private set; } = "";

    public string Child { get; private set; } = "";

    public string Third { get; private set; } = "";

    public async Task WriteAsync(ITrackingStore store)
    {
        ExperimentId = await store.CreateExperimentAsync("client-traffic");
        Parent = (await store.CreateRunAsync(new RunCreation(ExperimentId, NewId(), "parent", "root", 1795416661213, SystemTags("root")))).RunId;
        await store.LogBatchAsync(Parent, [], [new Param("lr", "0.01")], []);
        await store.LogBatchAsync(Parent, [], [new Param("epochs", "3"), new Param("opt", "adam")], []);
        await store.LogBatchAsync(Parent, [new Metric("loss", 0.5, 1795416661256, 0)], [], []);
        await store.LogBatchAsync(Parent, [new Metric("loss", double.NaN, 1795416661267, 1)], [], []);
        await store.LogBatchAsync(Parent, [new Metric("loss", double.PositiveInfinity, 1795416661278, 2)], [], []);
        await store.LogBatchAsync(Parent, [new Metric("a", 1, 1795416661289, 3), new Metric("b", 2, 1795416661289, 3)], [], []);
        await store.LogBatchAsync(Parent, [], [], [new RunTag("team", "x")]);
        await store.LogBatchAsync(Parent, [new Metric("bm", 1, 1795416661333, 0)], [new Param("bp", "1")], [new RunTag("bt", "1")]);
        var many = Enumerable.Range(0, 2500).Select(i => new Metric("many", i, 1795416661370, i)).ToList();
        for (var offset = 0; offset < many.Count; offset += MlflowRules.MaxMetricsPerBatch)
        {
            await store.LogBatchAsync(Parent, many.Skip(offset).Take(MlflowRules.MaxMetricsPerBatch).ToList(), [], []);
        }

        await store.LogInputsAsync(Parent, [new DatasetInput(Toy, [new RunTag(DatasetInput.ContextTag, "training"), new RunTag("split", "train")])]);
        await LogTextAsync(store, Parent, "ct_a.txt", "artifact a");
        await LogTextAsync(store, Parent, "sub/ct_a.txt", "artifact a");
        await LogTextAsync(store, Parent, "dir/t.txt", "some text");
        await LogTextAsync(store, Parent, "d.json", "{\"k\": 1}");

        var childTags = SystemTags("root").Append(new RunTag("mlflow.parentRunId", Parent)).ToList();
        Child = (await store.CreateRunAsync(new RunCreation(ExperimentId, NewId(), "child", "root", 1795416661686, childTags))).RunId;
        await store.LogBatchAsync(Child, [new Metric("child_m", 1, 1795416661690, 0)], [], []);
        await store.UpdateRunAsync(Child, RunStatus.Finished, 1795416661709);
        await store.UpdateRunAsync(Parent, RunStatus.Finished, 1795416661720);

        Third = (await store.CreateRunAsync(new RunCreation(ExperimentId, NewId(), "bright-gnu-757", "unknown", 1795416662002, []))).RunId;
        await store.UpdateRunAsync(Third, RunStatus.Finished, 1795416662016);
        await store.UpdateRunAsync(Parent, RunStatus.Failed, 1795416661953);
        await store.DeleteRunAsync(Parent);
        await store.RestoreRunAsync(Parent);
    }

    private static List<RunTag> SystemTags(string user) =>
    [
        new("mlflow.user", user),
        new("mlflow.source.name", SourceName),
        new("mlflow.source.type", "LOCAL"),
    ];

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static Task LogTextAsync(ITrackingStore store, string runId, string path, string text) =>
        store.LogArtifactAsync(runId, path, new MemoryStream(Encoding.UTF8.GetBytes(text)));
}
