using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Stores.Sql;

public sealed class SqliteInputTests
{
    private static readonly Dataset Toy = new(
        "toy",
        "a27a57c9",
        "local",
        "{\"uri\": \"file:///data/toy.csv\"}",
        "{\"mlflow_colspec\": [{\"type\": \"long\", \"name\": \"a\", \"required\": true}]}",
        "{\"num_rows\": 2, \"num_elements\": 4}");

    [Fact]
    public async Task A_dataset_input_writes_dataset_input_and_input_tag_rows_as_MLflow_does()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await scope.Store.LogInputsAsync(runId, [new DatasetInput(Toy, [new RunTag("mlflow.data.context", "training"), new RunTag("split", "train")])]);

        var dataset = Assert.Single(scope.Rows("SELECT dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source FROM datasets"));
        var datasetUuid = dataset.Split(" | ")[0];
        Assert.Matches("^[0-9a-f]{32}$", datasetUuid);
        Assert.Equal($"{datasetUuid} | 0 | toy | a27a57c9 | local | {{\"uri\": \"file:///data/toy.csv\"}}", dataset);
        var input = Assert.Single(scope.Rows("SELECT input_uuid, source_type, source_id, destination_type, destination_id, step FROM inputs"));
        var inputUuid = input.Split(" | ")[0];
        Assert.Matches("^[0-9a-f]{32}$", inputUuid);
        Assert.Equal($"{inputUuid} | DATASET | {datasetUuid} | RUN | {runId} | 0", input);
        Assert.Equal([$"{inputUuid} | mlflow.data.context | training", $"{inputUuid} | split | train"], scope.Rows("SELECT * FROM input_tags ORDER BY name"));
    }

    [Fact]
    public async Task The_same_name_and_digest_logged_twice_is_recorded_once()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await scope.Store.LogInputsAsync(runId, [DatasetInput.WithContext(Toy, "training"), DatasetInput.WithContext(Toy, "eval")]);
        await scope.Store.LogInputsAsync(runId, [DatasetInput.WithContext(Toy, "eval")]);

        Assert.Equal(["1 | 1 | 1"], scope.Rows("SELECT (SELECT count(*) FROM datasets), (SELECT count(*) FROM inputs), (SELECT count(*) FROM input_tags)"));
        Assert.Equal(["training"], scope.Rows("SELECT value FROM input_tags"));
    }

    [Fact]
    public async Task Two_runs_of_one_experiment_share_the_dataset_row()
    {
        await using var scope = new SqliteStoreScope();
        var first = await scope.NewRunAsync();
        var second = await scope.NewRunAsync();
        await scope.Store.LogInputsAsync(first, [DatasetInput.WithContext(Toy, "training")]);
        await scope.Store.LogInputsAsync(second, [DatasetInput.WithContext(Toy, "training")]);

        Assert.Equal(["1 | 2"], scope.Rows("SELECT (SELECT count(*) FROM datasets), (SELECT count(DISTINCT source_id) + count(*) - 1 FROM inputs)"));
        var input = Assert.Single((await scope.Store.GetRunAsync(second))!.Inputs);
        Assert.Equal(Toy, input.Dataset);
        Assert.Equal([new RunTag("mlflow.data.context", "training")], input.Tags);
    }

    [Fact]
    public async Task A_digest_over_36_characters_is_refused()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.Store.LogInputsAsync(runId, [DatasetInput.WithContext(Toy with { Digest = new string('d', 37) }, "training")]));

        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
    }
}
