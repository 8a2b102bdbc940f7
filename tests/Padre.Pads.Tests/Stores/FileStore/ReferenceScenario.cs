using System.Text;
using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Stores.FileStore;

/// <summary>
/// The scenario MLflow's Python client wrote into the reference tree (shared/mlflow-reference/filestore,
/// "Contents written by the client"), replayed through <see cref="ITrackingStore"/> with the reference's own
/// run ids and timestamps so every file can be compared byte for byte.
/// </summary>
internal static class ReferenceScenario
{
    public const string RunA = "a9ab38641d654a9f97e64e8447185f5f";
    public const string Child = "95205fbdd6574c13a8d0d3132aa15958";
    public const string RunB = "763f70212a2340db8102795cc8a65fdf";
    public const string RunFailed = "485814ba863e4769babaa0767448d8a9";
    public const string ReferenceExperimentId = "654846195404567546";
    public const string SourceName = "<local-dir>/make_filestore.py";

    public const string ToySchema = "{\"mlflow_colspec\": [{\"type\": \"long\", \"name\": \"a\", \"required\": true}, {\"type\": \"double\", \"name\": \"b\", \"required\": true}]}";

    public static readonly Dataset Toy = new("toy", "a27a57c9", "local", "{\"uri\": \"file:///data/toy.csv\"}", ToySchema, "{\"num_rows\": 2, \"num_elements\": 4}");

    /// <summary>Writes the scenario and returns the new experiment's id.</summary>
    public static async Task<string> WriteAsync(ITrackingStore store)
    {
        var experimentId = await store.CreateExperimentAsync("fs-exp", tags: [new RunTag("team", "ml")]);

        await store.CreateRunAsync(new RunCreation(experimentId, RunA, "run-a", "root", 1795415313832, SystemTags("root")));
        await store.LogBatchAsync(RunA, [], [], [new RunTag("mlflow.note.content", "first run")]);
        await store.LogBatchAsync(RunA, [],
            [new Param("lr", "0.01"), new Param("epochs", "3"), new Param("opt", "adam")], []);
        await store.LogBatchAsync(RunA,
        [
            new Metric("loss", 1.0, 1795415313843, 0),
            new Metric("loss", 0.5, 1795415313844, 1),
            new Metric("loss", 1.0 / 3, 1795415313845, 2),
            new Metric("loss", double.NaN, 1795415313846, 3),
            new Metric("loss", double.PositiveInfinity, 1795415313846, 4),
        ], [], []);
        await store.LogBatchAsync(RunA, [new Metric("acc", 0.9, 1795415313847, 0)], [], []);
        await store.LogBatchAsync(RunA, [new Metric("train/acc", 0.95, 1795415313848, 1)], [], []);
        await store.LogBatchAsync(RunA, [new Metric("bm", 0.5, 1795415313849, 7)], [new Param("bp", "x")], [new RunTag("bt", "y")]);
        await store.LogBatchAsync(RunA, [], [], [new RunTag("owner", "alice")]);
        await store.LogInputsAsync(RunA, [DatasetInput.WithContext(Toy, "training")]);
        await store.LogArtifactAsync(RunA, "fs_a.txt", Text("hello"));
        await store.LogArtifactAsync(RunA, "dir/t.txt", Text("some text"));

        await store.CreateRunAsync(new RunCreation(experimentId, Child, "child", "root", 1795415313871,
            [.. SystemTags("root"), new RunTag("mlflow.parentRunId", RunA)]));
        await store.LogBatchAsync(Child, [new Metric("child_m", 1.0, 1795415313877, 0)], [new Param("child_p", "1")], []);
        await store.UpdateRunAsync(Child, RunStatus.Finished, 1795415313878);
        await store.UpdateRunAsync(RunA, RunStatus.Finished, 1795415313880);

        await store.CreateRunAsync(new RunCreation(experimentId, RunB, "run-b", "root", 1795415313883, SystemTags("root")));
        await store.LogBatchAsync(RunB, [new Metric("loss", 0.7, 1795415313889, 0)], [new Param("lr", "0.1")], [new RunTag("owner", "bob")]);
        await store.UpdateRunAsync(RunB, RunStatus.Finished, 1795415313890);

        await store.CreateRunAsync(new RunCreation(experimentId, RunFailed, "run-failed", "unknown", 1795415313894, []));
        await store.UpdateRunAsync(RunFailed, RunStatus.Failed, 1795415313898);
        await store.DeleteRunAsync(RunFailed);
        return experimentId;
    }

    private static RunTag[] SystemTags(string user) =>
    [
        new("mlflow.user", user),
        new("mlflow.source.name", SourceName),
        new("mlflow.source.type", "LOCAL"),
    ];

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));
}
