using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Stores.Sql;

public sealed class SqliteParamTagTests
{
    [Fact]
    public async Task Logging_a_param_again_with_the_same_value_is_a_no_op()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await scope.Store.LogBatchAsync(runId, [], [new Param("lr", "0.01")], []);
        await scope.Store.LogBatchAsync(runId, [], [new Param("lr", "0.01")], []);

        Assert.Equal(["lr | 0.01"], scope.Rows("SELECT key, value FROM params"));
    }

    [Fact]
    public async Task Changing_a_param_value_fails_with_MLflow_s_message()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await scope.Store.LogBatchAsync(runId, [], [new Param("bp1", "a")], []);

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.Store.LogBatchAsync(runId, [], [new Param("bp1", "CHANGED")], []));

        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.Equal($"Changing param values is not allowed. Params were already logged='[{{'key': 'bp1', 'old_value': 'a', 'new_value': 'CHANGED'}}]' for run ID='{runId}'.", error.Message);
    }

    [Fact]
    public async Task A_duplicate_param_key_in_one_batch_is_rejected_even_with_equal_values()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.Store.LogBatchAsync(runId, [], [new Param("dup", "1"), new Param("dup", "1")], []));

        Assert.Equal("Duplicate parameter keys have been submitted: ['dup']. Please ensure the request contains only one param value per param key.", error.Message);
    }

    [Fact]
    public async Task Long_param_and_tag_values_are_truncated_by_MLflow_s_limits()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await scope.Store.LogBatchAsync(runId, [], [new Param("p", new string('x', 6001))], [new RunTag("t", new string('y', 8001))]);

        Assert.Equal(["6000"], scope.Rows("SELECT length(value) FROM params"));
        Assert.Equal(["8000"], scope.Rows("SELECT length(value) FROM tags WHERE key = 't'"));
    }

    [Fact]
    public async Task A_failing_batch_writes_nothing()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await scope.Store.LogBatchAsync(runId, [], [new Param("lr", "0.01")], []);

        await Assert.ThrowsAsync<TrackingStoreException>(() => scope.Store.LogBatchAsync(
            runId, [new Metric("m", 1, 1)], [new Param("new", "1"), new Param("lr", "0.02")], [new RunTag("t", "v")]));

        Assert.Empty(scope.Rows("SELECT * FROM metrics"));
        Assert.Equal(["lr"], scope.Rows("SELECT key FROM params"));
        Assert.Empty(scope.Rows("SELECT * FROM tags WHERE key = 't'"));
    }

    [Fact]
    public async Task Batches_over_MLflow_s_limits_are_rejected_with_its_message()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        var metrics = Enumerable.Range(0, 1001).Select(i => new Metric("m", i, 1, i)).ToList();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.Store.LogBatchAsync(runId, metrics, [], []));

        Assert.Equal("A batch logging request can contain at most 1000 metrics. Got 1001 metrics. Please split up metrics across multiple requests and try again.", error.Message);
    }

    [Fact]
    public async Task Setting_a_tag_again_overwrites_it()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await scope.Store.LogBatchAsync(runId, [], [], [new RunTag("team", "a")]);
        await scope.Store.LogBatchAsync(runId, [], [], [new RunTag("team", "b")]);

        Assert.Equal(["b"], scope.Rows("SELECT value FROM tags WHERE key = 'team'"));
    }

    [Fact]
    public async Task The_runName_tag_renames_the_run()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync(name: "before");
        await scope.Store.LogBatchAsync(runId, [], [], [new RunTag("mlflow.runName", "after")]);

        Assert.Equal(["after | after"], scope.Rows("SELECT r.name, t.value FROM runs r JOIN tags t ON t.run_uuid = r.run_uuid AND t.key = 'mlflow.runName'"));
    }

    [Fact]
    public async Task Experiment_tags_are_written_and_read_back()
    {
        await using var scope = new SqliteStoreScope();
        var id = await scope.Store.CreateExperimentAsync("tagged", tags: [new RunTag("team", "ml")]);

        Assert.Equal([$"team | ml | {id}"], scope.Rows("SELECT * FROM experiment_tags"));
        Assert.Equal([new RunTag("team", "ml")], (await scope.Store.GetExperimentAsync(id))!.Tags);
    }
}
