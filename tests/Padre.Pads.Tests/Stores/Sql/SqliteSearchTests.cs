using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Stores.Sql;

public sealed class SqliteSearchTests
{
    private static async Task<(string Adam, string Sgd)> TwoRunsAsync(SqliteStoreScope scope)
    {
        var adam = await scope.NewRunAsync(name: "adam-run");
        await scope.Store.LogBatchAsync(adam, [new Metric("acc", 0.9, 1)], [new Param("opt", "adam")], [new RunTag("team", "x")]);
        await scope.Store.UpdateRunAsync(adam, RunStatus.Finished, 2);
        var sgd = await scope.NewRunAsync(name: "sgd-run");
        await scope.Store.LogBatchAsync(sgd, [new Metric("acc", 0.7, 1)], [new Param("opt", "sgd")], [new RunTag("team", "y")]);
        return (adam, sgd);
    }

    private static async Task<IEnumerable<string>> NamesAsync(SqliteStoreScope scope, string? filter) =>
        (await scope.Store.SearchRunsAsync(["0"], filter)).Select(run => run.Info.RunName).Order(StringComparer.Ordinal);

    [Theory]
    [InlineData("attributes.status = 'FINISHED'", "adam-run")]
    [InlineData("params.opt = 'sgd'", "sgd-run")]
    [InlineData("tags.team = 'x'", "adam-run")]
    [InlineData("metrics.acc > 0.8", "adam-run")]
    [InlineData("metrics.acc <= 0.8 AND params.opt != 'adam'", "sgd-run")]
    [InlineData("params.opt LIKE 'a%' and tags.`team` = 'x'", "adam-run")]
    [InlineData("params.opt ILIKE 'SG%'", "sgd-run")]
    [InlineData("attributes.run_name = 'sgd-run'", "sgd-run")]
    public async Task Filter_selects_the_matching_run(string filter, string expected)
    {
        await using var scope = new SqliteStoreScope();
        await TwoRunsAsync(scope);

        Assert.Equal([expected], await NamesAsync(scope, filter));
    }

    [Fact]
    public async Task No_filter_returns_every_active_run_newest_first()
    {
        await using var scope = new SqliteStoreScope();
        var (adam, sgd) = await TwoRunsAsync(scope);
        scope.Sql($"UPDATE runs SET start_time = start_time + 10 WHERE run_uuid = '{sgd}'");
        await scope.Store.DeleteRunAsync((await scope.NewRunAsync()));

        var runs = await scope.Store.SearchRunsAsync(["0"]);

        Assert.Equal([sgd, adam], runs.Select(run => run.Info.RunId));
        Assert.Equal([new Param("opt", "sgd")], runs[0].Params);
        Assert.Single(await scope.Store.SearchRunsAsync(["0"], viewType: ViewType.DeletedOnly));
    }

    [Theory]
    [InlineData("params.opt = 'a' OR params.opt = 'b'", "only AND")]
    [InlineData("datasets.name = 'toy'", "'datasets.name'")]
    [InlineData("metrics.acc LIKE '0.9'", "comparator 'LIKE'")]
    [InlineData("attributes.artifact_root = 'x'", "attribute 'artifact_root'")]
    public async Task Unsupported_filters_are_refused_with_a_message_naming_them(string filter, string named)
    {
        await using var scope = new SqliteStoreScope();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.Store.SearchRunsAsync(["0"], filter));

        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
