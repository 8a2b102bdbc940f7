using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.FileStore;

namespace Padre.Pads.Tests.Stores.FileStore;

/// <summary>Our store reading the tree MLflow's Python client wrote (the committed reference copy).</summary>
public sealed class FileStoreReferenceReadTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FileTrackingStore _store;

    public FileStoreReferenceReadTests()
    {
        // The reference hides the capture machine's path as <mlruns-root>; put this copy's path back.
        CopyTree(FileStoreTestData.ReferenceRoot, _temp.Mlruns);
        var uri = FileUri.FromPath(Path.GetFullPath(_temp.Mlruns));
        foreach (var meta in Directory.EnumerateFiles(_temp.Mlruns, "meta.yaml", SearchOption.AllDirectories))
        {
            File.WriteAllText(meta, File.ReadAllText(meta).Replace("file://<mlruns-root>", uri, StringComparison.Ordinal));
        }

        _store = new FileTrackingStore(_temp.Mlruns);
    }

    public void Dispose()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _temp.Dispose();
    }

    [Fact]
    public async Task Reads_run_info_params_tags_and_latest_metrics()
    {
        var run = (await _store.GetRunAsync(ReferenceScenario.RunA))!;

        Assert.Equal(new RunInfo(ReferenceScenario.RunA, ReferenceScenario.ReferenceExperimentId, "run-a", "root", RunStatus.Finished,
            1795415313832, 1795415313880, $"{_store.TrackingUri}/{ReferenceScenario.ReferenceExperimentId}/{ReferenceScenario.RunA}/artifacts", "active"), run.Info);
        Assert.Equal([new Param("bp", "x"), new Param("epochs", "3"), new Param("lr", "0.01"), new Param("opt", "adam")], run.Params);
        Assert.Contains(new RunTag("mlflow.note.content", "first run"), run.Tags);
        Assert.Equal(
            [new Metric("acc", 0.9, 1795415313847, 0), new Metric("bm", 0.5, 1795415313849, 7), new Metric("loss", double.PositiveInfinity, 1795415313846, 4), new Metric("train/acc", 0.95, 1795415313848, 1)],
            run.LatestMetrics);
    }

    [Fact]
    public async Task Reads_the_metric_history_with_nan_and_inf()
    {
        var history = await _store.GetMetricHistoryAsync(ReferenceScenario.RunA, "loss");

        Assert.Equal([1.0, 0.5, 1.0 / 3, double.NaN, double.PositiveInfinity], history.Select(m => m.Value));
        Assert.Equal([0L, 1, 2, 3, 4], history.Select(m => m.Step));
    }

    [Fact]
    public async Task Reads_the_dataset_input_with_its_folded_schema()
    {
        var input = Assert.Single((await _store.GetRunAsync(ReferenceScenario.RunA))!.Inputs);

        Assert.Equal(ReferenceScenario.Toy, input.Dataset);
        Assert.Equal([new RunTag("mlflow.data.context", "training")], input.Tags);
    }

    [Fact]
    public async Task Reads_experiments_with_tags_and_the_deleted_run()
    {
        var experiment = (await _store.GetExperimentByNameAsync("fs-exp"))!;
        Assert.Equal([new RunTag("team", "ml")], experiment.Tags);
        Assert.Equal(["0", ReferenceScenario.ReferenceExperimentId], (await _store.SearchExperimentsAsync()).Select(e => e.ExperimentId).Order());

        var deleted = await _store.SearchRunsAsync([experiment.ExperimentId], viewType: ViewType.DeletedOnly);
        Assert.Equal(ReferenceScenario.RunFailed, Assert.Single(deleted).Info.RunId);
        Assert.Equal(RunStatus.Failed, deleted[0].Info.Status);
    }

    [Fact]
    public async Task Reads_artifacts()
    {
        Assert.Equal([new ArtifactEntry("dir", true, null), new ArtifactEntry("fs_a.txt", false, 5)], await _store.ListArtifactsAsync(ReferenceScenario.RunA));
        await using var stream = await _store.OpenArtifactAsync(ReferenceScenario.RunA, "dir/t.txt");
        Assert.Equal("some text", await new StreamReader(stream).ReadToEndAsync());
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }

        // git keeps no empty directories; MLflow requires these in every run directory.
        foreach (var run in Directory.EnumerateDirectories(Path.Combine(to, ReferenceScenario.ReferenceExperimentId)))
        {
            if (File.Exists(Path.Combine(run, "meta.yaml")))
            {
                foreach (var folder in new[] { "artifacts", "metrics", "params", "tags" })
                {
                    Directory.CreateDirectory(Path.Combine(run, folder));
                }
            }
        }
    }
}
