using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Stores.Sql;

public sealed class SqliteRunTests
{
    [Fact]
    public async Task Experiment_ids_count_up_from_1_as_MLflow_s_SQL_store_assigns_them()
    {
        await using var scope = new SqliteStoreScope();

        Assert.Equal("1", await scope.Store.CreateExperimentAsync("a"));
        Assert.Equal("2", await scope.Store.CreateExperimentAsync("b", artifactLocation: "s3://bucket/b"));
        Assert.Equal([$"1 | {scope.ArtifactRoot}/1", "2 | s3://bucket/b"], scope.Rows("SELECT experiment_id, artifact_location FROM experiments WHERE experiment_id > 0"));
    }

    [Fact]
    public async Task Creating_an_existing_experiment_name_fails_as_already_exists()
    {
        await using var scope = new SqliteStoreScope();
        await scope.Store.CreateExperimentAsync("a");

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.Store.CreateExperimentAsync("a"));

        Assert.Equal("RESOURCE_ALREADY_EXISTS", error.ErrorCode);
    }

    [Fact]
    public async Task A_new_run_row_is_written_as_MLflow_writes_it()
    {
        await using var scope = new SqliteStoreScope();
        var experimentId = await scope.Store.CreateExperimentAsync("e");
        var runId = await scope.NewRunAsync(experimentId, "parent");

        Assert.Equal(
            [$"{runId} | parent | UNKNOWN |  |  | tester | RUNNING | {SqliteStoreScope.Time()} |  |  | active | {scope.ArtifactRoot}/1/{runId}/artifacts | 1 | "],
            scope.Rows("SELECT * FROM runs"));
        Assert.Equal(["mlflow.runName | parent"], scope.Rows("SELECT key, value FROM tags"));
    }

    [Fact]
    public async Task A_run_without_a_name_gets_an_MLflow_style_generated_name()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();

        var name = (await scope.Store.GetRunAsync(runId))!.Info.RunName;
        Assert.Matches("^[a-z]+-[a-z]+-[0-9]{1,4}$", name);
        Assert.True(name.Length <= 20);
        Assert.Equal([name], scope.Rows("SELECT value FROM tags WHERE key = 'mlflow.runName'"));
    }

    [Fact]
    public async Task Run_name_and_a_different_runName_tag_are_refused()
    {
        await using var scope = new SqliteStoreScope();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.NewRunAsync(name: "a", tags: [new RunTag("mlflow.runName", "b")]));

        Assert.Contains("run_name='a', mlflow.runName='b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_sets_status_as_text_end_time_and_name()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync(name: "r");
        var info = await scope.Store.UpdateRunAsync(runId, RunStatus.Failed, SqliteStoreScope.Time(9), "renamed");

        Assert.Equal(RunStatus.Failed, info.Status);
        Assert.Equal([$"FAILED | {SqliteStoreScope.Time(9)} | renamed | renamed"], scope.Rows("SELECT r.status, r.end_time, r.name, t.value FROM runs r JOIN tags t ON t.run_uuid = r.run_uuid AND t.key = 'mlflow.runName'"));
    }

    [Fact]
    public async Task Delete_sets_deleted_time_and_restore_clears_it()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await scope.Store.DeleteRunAsync(runId);
        var deleted = scope.Rows("SELECT lifecycle_stage, deleted_time > 0 FROM runs");
        await scope.Store.RestoreRunAsync(runId);

        Assert.Equal(["deleted | 1"], deleted);
        Assert.Equal(["active | "], scope.Rows("SELECT lifecycle_stage, deleted_time FROM runs"));
    }

    [Fact]
    public async Task Writing_to_a_deleted_run_fails_with_MLflow_s_message()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await scope.Store.DeleteRunAsync(runId);

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.Store.LogBatchAsync(runId, [new Metric("m", 1, 1)], [], []));

        Assert.Equal($"The run {runId} must be in the 'active' state. Current state is deleted.", error.Message);
    }

    [Fact]
    public async Task Unknown_runs_are_reported_as_not_found()
    {
        await using var scope = new SqliteStoreScope();

        Assert.Null(await scope.Store.GetRunAsync("0123456789abcdef0123456789abcdef"));
        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.Store.DeleteRunAsync("0123456789abcdef0123456789abcdef"));
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.ErrorCode);
    }

    [Fact]
    public async Task A_run_in_an_unknown_experiment_is_refused()
    {
        await using var scope = new SqliteStoreScope();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.NewRunAsync("42"));

        Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.ErrorCode);
    }

    [Fact]
    public async Task Search_experiments_returns_the_active_ones()
    {
        await using var scope = new SqliteStoreScope();
        await scope.Store.CreateExperimentAsync("a");
        scope.Sql("UPDATE experiments SET lifecycle_stage = 'deleted' WHERE name = 'a'");
        await scope.Store.CreateExperimentAsync("b");

        Assert.Equal(["Default", "b"], (await scope.Store.SearchExperimentsAsync()).Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["a"], (await scope.Store.SearchExperimentsAsync(ViewType.DeletedOnly)).Select(e => e.Name));
    }
}
