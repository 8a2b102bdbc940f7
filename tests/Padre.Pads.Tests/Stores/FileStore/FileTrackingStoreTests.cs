using System.Text;
using System.Text.RegularExpressions;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.FileStore;

namespace Padre.Pads.Tests.Stores.FileStore;

public sealed class FileTrackingStoreTests : IDisposable
{
    private const string RunId = "0123456789abcdef0123456789abcdef";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task New_store_creates_trash_and_the_Default_experiment_as_mlflow_does()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);

        Assert.True(Directory.Exists(Path.Combine(_temp.Mlruns, ".trash")));
        var meta = File.ReadAllText(Path.Combine(_temp.Mlruns, "0", "meta.yaml"));
        Assert.Matches(new Regex(
            @"^artifact_location: file://.+/mlruns/0\ncreation_time: \d+\nexperiment_id: '0'\nlast_update_time: \d+\n" +
            @"lifecycle_stage: active\nname: Default\ntrace_location: null\nworkspace: default\n$"), meta);
        var experiment = await store.GetExperimentAsync("0");
        Assert.Equal("Default", experiment!.Name);
    }

    [Fact]
    public async Task Store_accepts_a_file_uri_and_reports_it_as_tracking_uri()
    {
        var uri = new Uri(Path.GetFullPath(_temp.Mlruns)).AbsoluteUri;
        await using var store = new FileTrackingStore(uri);

        Assert.Equal(uri, store.TrackingUri);
        Assert.True(File.Exists(Path.Combine(_temp.Mlruns, "0", "meta.yaml")));
    }

    [Fact]
    public async Task CreateExperiment_assigns_an_18_digit_id_and_a_file_artifact_location()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);
        var id = await store.CreateExperimentAsync("exp");

        Assert.Matches(new Regex("^[1-9][0-9]{17}$"), id);
        var experiment = await store.GetExperimentAsync(id);
        Assert.Equal($"file://{Path.GetFullPath(_temp.Mlruns)}/{id}", experiment!.ArtifactLocation);
        Assert.Contains($"experiment_id: '{id}'\n", File.ReadAllText(Path.Combine(_temp.Mlruns, id, "meta.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateExperiment_refuses_a_name_in_use()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);
        await store.CreateExperimentAsync("exp");

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.CreateExperimentAsync("exp"));
        Assert.Equal("RESOURCE_ALREADY_EXISTS", error.ErrorCode);
        Assert.Equal("Experiment 'exp' already exists.", error.Message);
    }

    [Fact]
    public async Task Experiment_tags_are_files_under_the_experiment_tags_folder()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);
        var id = await store.CreateExperimentAsync("exp", tags: [new RunTag("team", "ml"), new RunTag("a/b", "c")]);

        Assert.Equal("ml", File.ReadAllText(Path.Combine(_temp.Mlruns, id, "tags", "team")));
        var experiment = await store.GetExperimentByNameAsync("exp");
        Assert.Equal([new RunTag("a/b", "c"), new RunTag("team", "ml")], experiment!.Tags);
    }

    [Fact]
    public async Task SearchExperiments_returns_newest_first_and_GetExperimentByName_finds_by_name()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);
        await Task.Delay(5);
        var first = await store.CreateExperimentAsync("first");
        await Task.Delay(5);
        var second = await store.CreateExperimentAsync("second");

        var all = await store.SearchExperimentsAsync();
        Assert.Equal([second, first, "0"], all.Select(e => e.ExperimentId));
        Assert.Equal(first, (await store.GetExperimentByNameAsync("first"))!.ExperimentId);
        Assert.Null(await store.GetExperimentByNameAsync("missing"));
    }

    [Fact]
    public async Task Running_run_has_all_folders_status_1_and_null_end_time()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);
        var info = await store.CreateRunAsync(Creation("0", "r"));

        var runDir = Path.Combine(_temp.Mlruns, "0", RunId);
        foreach (var folder in new[] { "artifacts", "metrics", "params", "tags" })
        {
            Assert.True(Directory.Exists(Path.Combine(runDir, folder)), folder);
        }

        var meta = File.ReadAllText(Path.Combine(runDir, "meta.yaml"));
        Assert.Contains("end_time: null\n", meta, StringComparison.Ordinal);
        Assert.Contains("status: 1\n", meta, StringComparison.Ordinal);
        Assert.Contains("source_type: 4\n", meta, StringComparison.Ordinal);
        Assert.DoesNotContain("deleted_time", meta, StringComparison.Ordinal);
        Assert.Equal("r", File.ReadAllText(Path.Combine(runDir, "tags", "mlflow.runName")));
        Assert.Equal(RunStatus.Running, info.Status);
        Assert.EndsWith($"/mlruns/0/{RunId}/artifacts", info.ArtifactUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateRun_without_name_generates_an_mlflow_style_name()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);
        var info = await store.CreateRunAsync(Creation("0", null));

        Assert.Matches(new Regex("^[a-z]+-[a-z]+-[0-9]{1,4}$"), info.RunName);
        var run = await store.GetRunAsync(RunId);
        Assert.Contains(new RunTag("mlflow.runName", info.RunName), run!.Tags);
    }

    [Fact]
    public async Task CreateRun_in_a_missing_experiment_is_refused()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.CreateRunAsync(Creation("42", "r")));
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.ErrorCode);
    }

    [Fact]
    public async Task UpdateRun_sets_status_and_end_time_and_keeps_end_time_when_none_is_given()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);
        await store.CreateRunAsync(Creation("0", "r"));

        await store.UpdateRunAsync(RunId, RunStatus.Finished, 2000);
        var updated = await store.UpdateRunAsync(RunId, RunStatus.Killed, null);

        Assert.Equal(2000, updated.EndTime);
        var meta = File.ReadAllText(Path.Combine(_temp.Mlruns, "0", RunId, "meta.yaml"));
        Assert.Contains("end_time: 2000\n", meta, StringComparison.Ordinal);
        Assert.Contains("status: 5\n", meta, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateRun_with_a_name_renames_the_run_and_its_tag()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);
        await store.CreateRunAsync(Creation("0", "r"));

        await store.UpdateRunAsync(RunId, RunStatus.Running, null, "renamed");

        var run = await store.GetRunAsync(RunId);
        Assert.Equal("renamed", run!.Info.RunName);
        Assert.Contains(new RunTag("mlflow.runName", "renamed"), run.Tags);
    }

    [Fact]
    public async Task Setting_the_runName_tag_renames_the_run_in_meta_yaml()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);
        await store.CreateRunAsync(Creation("0", "r"));

        await store.LogBatchAsync(RunId, [], [], [new RunTag("mlflow.runName", "via-tag")]);

        Assert.Contains("run_name: via-tag\n", File.ReadAllText(Path.Combine(_temp.Mlruns, "0", RunId, "meta.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Param_logged_again_with_the_same_value_is_accepted()
    {
        await using var store = await StoreWithRun();
        await store.LogBatchAsync(RunId, [], [new Param("lr", "0.01")], []);

        await store.LogBatchAsync(RunId, [], [new Param("lr", "0.01")], []);

        Assert.Equal("0.01", File.ReadAllText(Path.Combine(_temp.Mlruns, "0", RunId, "params", "lr")));
    }

    [Fact]
    public async Task Param_logged_again_with_another_value_is_refused_with_mlflows_message()
    {
        await using var store = await StoreWithRun();
        await store.LogBatchAsync(RunId, [], [new Param("lr", "0.01")], []);

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogBatchAsync(RunId, [], [new Param("lr", "0.02")], []));

        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.Equal($"Changing param values is not allowed. Param with key='lr' was already logged with value='0.01' for run ID='{RunId}'. Attempted logging new value '0.02'.", error.Message);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Refused_batch_writes_nothing()
    {
        await using var store = await StoreWithRun();
        await store.LogBatchAsync(RunId, [], [new Param("lr", "0.01")], []);

        await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogBatchAsync(RunId, [], [new Param("new", "1"), new Param("lr", "0.02")], []));

        Assert.False(File.Exists(Path.Combine(_temp.Mlruns, "0", RunId, "params", "new")));
    }

    [Fact]
    public async Task Duplicate_param_keys_in_one_batch_are_refused()
    {
        await using var store = await StoreWithRun();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogBatchAsync(RunId, [], [new Param("dup", "a"), new Param("dup", "a")], []));
        Assert.Equal("Duplicate parameter keys have been submitted: ['dup']. Please ensure the request contains only one param value per param key.", error.Message);
    }

    [Fact]
    public async Task Long_param_and_tag_values_are_truncated_as_mlflow_does()
    {
        await using var store = await StoreWithRun();

        await store.LogBatchAsync(RunId, [], [new Param("p", new string('v', 6001))], [new RunTag("t", new string('t', 8001))]);

        Assert.Equal(6000, File.ReadAllText(Path.Combine(_temp.Mlruns, "0", RunId, "params", "p")).Length);
        Assert.Equal(8000, File.ReadAllText(Path.Combine(_temp.Mlruns, "0", RunId, "tags", "t")).Length);
    }

    [Fact]
    public async Task Invalid_key_is_refused_with_mlflows_message()
    {
        await using var store = await StoreWithRun();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogBatchAsync(RunId, [new Metric("bad*key", 1, 1)], [], []));
        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.StartsWith("Invalid value \"bad*key\" for parameter 'name' supplied: Names may only contain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metric_lines_use_python_float_text_and_keys_with_slashes_become_folders()
    {
        await using var store = await StoreWithRun();

        await store.LogBatchAsync(RunId,
        [
            new Metric("a/b", double.NegativeInfinity, 10, -1),
            new Metric("a/b", 1e-05, 11, 5_000_000_000),
            new Metric("a/b", 1e16, 12, 2),
        ], [], []);

        Assert.Equal("10 -inf -1\n11 1e-05 5000000000\n12 1e+16 2\n",
            File.ReadAllText(Path.Combine(_temp.Mlruns, "0", RunId, "metrics", "a", "b")));
        var history = await store.GetMetricHistoryAsync(RunId, "a/b");
        Assert.Equal([double.NegativeInfinity, 1e-05, 1e16], history.Select(m => m.Value));
        Assert.Equal([-1L, 5_000_000_000L, 2L], history.Select(m => m.Step));
    }

    [Fact]
    public async Task GetRun_latest_metric_is_the_highest_step_then_timestamp()
    {
        await using var store = await StoreWithRun();

        await store.LogBatchAsync(RunId,
        [
            new Metric("m", 1, 300, 1),
            new Metric("m", 2, 100, 3),
            new Metric("m", 3, 200, 2),
            new Metric("m", 4, 50, 3),
        ], [], []);

        var run = await store.GetRunAsync(RunId);
        Assert.Equal(new Metric("m", 2, 100, 3), Assert.Single(run!.LatestMetrics));
    }

    [Fact]
    public async Task GetRun_latest_metric_keeps_the_first_point_on_a_tie_with_nan()
    {
        await using var store = await StoreWithRun();

        await store.LogBatchAsync(RunId, [new Metric("m", double.NaN, 100, 1), new Metric("m", 5, 100, 1)], [], []);

        var run = await store.GetRunAsync(RunId);
        Assert.True(double.IsNaN(Assert.Single(run!.LatestMetrics).Value));
    }

    [Fact]
    public async Task GetMetricHistory_of_an_unknown_key_or_run_is_empty()
    {
        await using var store = await StoreWithRun();

        Assert.Empty(await store.GetMetricHistoryAsync(RunId, "missing"));
        Assert.Empty(await store.GetMetricHistoryAsync("ffffffffffffffffffffffffffffffff", "m"));
    }

    [Fact]
    public async Task GetRun_of_an_unknown_run_is_null_and_writing_to_it_is_refused()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);

        Assert.Null(await store.GetRunAsync(RunId));
        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogBatchAsync(RunId, [new Metric("m", 1, 1)], [], []));
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.ErrorCode);
    }

    [Fact]
    public async Task DeleteRun_marks_it_deleted_with_a_deleted_time_and_refuses_writes()
    {
        await using var store = await StoreWithRun();

        await store.DeleteRunAsync(RunId);

        var meta = File.ReadAllText(Path.Combine(_temp.Mlruns, "0", RunId, "meta.yaml"));
        Assert.Matches(new Regex(@"^artifact_uri: .+\ndeleted_time: \d+\nend_time: null\n"), meta);
        Assert.Contains("lifecycle_stage: deleted\n", meta, StringComparison.Ordinal);
        Assert.Equal("deleted", (await store.GetRunAsync(RunId))!.Info.LifecycleStage);
        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogBatchAsync(RunId, [new Metric("m", 1, 1)], [], []));
        Assert.Equal($"The run {RunId} must be in the 'active' state. Current state is deleted.", error.Message);
    }

    [Fact]
    public async Task RestoreRun_makes_it_active_and_drops_the_deleted_time()
    {
        await using var store = await StoreWithRun();
        await store.DeleteRunAsync(RunId);

        await store.RestoreRunAsync(RunId);

        var meta = File.ReadAllText(Path.Combine(_temp.Mlruns, "0", RunId, "meta.yaml"));
        Assert.DoesNotContain("deleted_time", meta, StringComparison.Ordinal);
        Assert.Contains("lifecycle_stage: active\n", meta, StringComparison.Ordinal);
        await store.LogBatchAsync(RunId, [new Metric("m", 1, 1)], [], []);
    }

    [Fact]
    public async Task Same_dataset_twice_is_recorded_once_and_keeps_the_first_context()
    {
        await using var store = await StoreWithRun();

        await store.LogInputsAsync(RunId, [DatasetInput.WithContext(ReferenceScenario.Toy, "training")]);
        await store.LogInputsAsync(RunId, [DatasetInput.WithContext(ReferenceScenario.Toy, "evaluation")]);

        Assert.Single(Directory.GetDirectories(Path.Combine(_temp.Mlruns, "0", "datasets")));
        Assert.Single(Directory.GetDirectories(Path.Combine(_temp.Mlruns, "0", RunId, "inputs")));
        var input = Assert.Single((await store.GetRunAsync(RunId))!.Inputs);
        Assert.Equal(ReferenceScenario.Toy, input.Dataset);
        Assert.Equal([new RunTag("mlflow.data.context", "training")], input.Tags);
    }

    [Fact]
    public async Task Dataset_digest_longer_than_36_characters_is_refused()
    {
        await using var store = await StoreWithRun();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() =>
            store.LogInputsAsync(RunId, [DatasetInput.WithContext(ReferenceScenario.Toy with { Digest = new string('d', 37) }, "training")]));
        Assert.Equal("'digest' exceeds the maximum length of 36 characters", error.Message);
    }

    [Fact]
    public async Task Artifacts_are_listed_relative_to_the_artifact_root_and_read_back()
    {
        await using var store = await StoreWithRun();
        await store.LogArtifactAsync(RunId, "model/model.zip", new MemoryStream([1, 2, 3]));
        await store.LogArtifactAsync(RunId, "notes.txt", new MemoryStream(Encoding.UTF8.GetBytes("hi")));

        Assert.Equal([new ArtifactEntry("model", true, null), new ArtifactEntry("notes.txt", false, 2)], await store.ListArtifactsAsync(RunId));
        Assert.Equal([new ArtifactEntry("model/model.zip", false, 3)], await store.ListArtifactsAsync(RunId, "model"));
        await using var stream = await store.OpenArtifactAsync(RunId, "model/model.zip");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal([1, 2, 3], copy.ToArray());
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/abs.txt")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    public async Task Artifact_paths_that_leave_the_artifact_root_are_refused(string path)
    {
        await using var store = await StoreWithRun();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogArtifactAsync(RunId, path, new MemoryStream([1])));
        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
    }

    [Fact]
    public async Task Opening_a_missing_artifact_says_it_does_not_exist()
    {
        await using var store = await StoreWithRun();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.OpenArtifactAsync(RunId, "missing.txt"));
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.ErrorCode);
    }

    [Fact]
    public async Task IO_failures_are_reported_as_transient()
    {
        await using var store = await StoreWithRun();
        await store.LogBatchAsync(RunId, [], [], [new RunTag("a", "file")]);

        // tags/a is a file, so tags/a/b cannot be created: the file system refuses with an IOException.
        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.LogBatchAsync(RunId, [], [], [new RunTag("a/b", "x")]));
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task SearchRuns_filters_on_status_params_tags_and_metrics_joined_by_AND()
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);
        var experimentId = await ReferenceScenario.WriteAsync(store);

        async Task<string[]> Names(string? filter, ViewType view = ViewType.ActiveOnly) =>
            (await store.SearchRunsAsync([experimentId], filter, view)).Select(r => r.Info.RunName).ToArray();

        Assert.Equal(["run-b", "child", "run-a"], await Names(null));
        Assert.Equal(["run-failed", "run-b", "child", "run-a"], await Names(null, ViewType.All));
        Assert.Equal(["run-failed"], await Names("attributes.status = 'FAILED'", ViewType.All));
        Assert.Equal(["run-a"], await Names("params.lr = '0.01'"));
        Assert.Equal(["run-b"], await Names("tags.owner = 'bob' AND metrics.loss > 0.5"));
        Assert.Equal(["child"], await Names("tags.`mlflow.parentRunId` = 'a9ab38641d654a9f97e64e8447185f5f'"));
        Assert.Equal(["run-a"], await Names("metrics.bm >= 0.5 and params.opt LIKE 'ad%' AND status = 'FINISHED'"));
        Assert.Empty(await Names("metrics.missing > 0"));
    }

    [Theory]
    [InlineData("params.lr = '0.01' OR params.lr = '0.1'")]
    [InlineData("metrics.loss > 'high'")]
    [InlineData("datasets.name = 'toy'")]
    [InlineData("status IN ('FINISHED')")]
    public async Task SearchRuns_refuses_filters_outside_the_supported_subset_and_says_what_is_supported(string filter)
    {
        await using var store = new FileTrackingStore(_temp.Mlruns);

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.SearchRunsAsync(["0"], filter));
        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.Contains("It supports comparisons joined by AND", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_reader_never_sees_a_partial_meta_yaml()
    {
        await using var store = await StoreWithRun();
        var metaPath = Path.Combine(_temp.Mlruns, "0", RunId, "meta.yaml");
        using var done = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                var text = File.ReadAllText(metaPath);
                Assert.EndsWith("user_id: me\n", text, StringComparison.Ordinal);
                Assert.Contains("run_name: ", text, StringComparison.Ordinal);
                reads++;
            }
        });

        for (var i = 0; i < 100; i++)
        {
            await store.UpdateRunAsync(RunId, RunStatus.Running, null, $"name-{i} {new string('x', i)}");
        }

        await done.CancelAsync();
        await reader;
        Assert.True(reads > 0);
    }

    private async Task<FileTrackingStore> StoreWithRun()
    {
        var store = new FileTrackingStore(_temp.Mlruns);
        await store.CreateRunAsync(Creation("0", "r"));
        return store;
    }

    private static RunCreation Creation(string experimentId, string? name) =>
        new(experimentId, RunId, name, "me", 1000, [new RunTag("mlflow.user", "me")]);
}
