using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Stores.Sql;

public sealed class SqliteMetricTests
{
    private static Task LogAsync(SqliteStoreScope scope, string runId, params Metric[] metrics) =>
        scope.Store.LogBatchAsync(runId, metrics, [], []);

    [Fact]
    public async Task NaN_is_stored_as_value_0_with_is_nan_and_read_back_as_NaN()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await LogAsync(scope, runId, new Metric("loss", double.NaN, SqliteStoreScope.Time(), 1));

        Assert.Equal(["0 | real | 1"], scope.Rows("SELECT value, typeof(value), is_nan FROM metrics"));
        Assert.True(double.IsNaN(Assert.Single(await scope.Store.GetMetricHistoryAsync(runId, "loss")).Value));
    }

    [Theory]
    [InlineData(double.PositiveInfinity, 1.7976931348623157e308)]
    [InlineData(double.NegativeInfinity, -1.7976931348623157e308)]
    public async Task Infinity_is_clamped_to_the_largest_finite_double(double logged, double stored)
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await LogAsync(scope, runId, new Metric("loss", logged, SqliteStoreScope.Time()));

        Assert.Equal(stored, Assert.Single(await scope.Store.GetMetricHistoryAsync(runId, "loss")).Value);
        Assert.Equal(["0"], scope.Rows("SELECT is_nan FROM latest_metrics"));
    }

    [Fact]
    public async Task Latest_metric_is_the_highest_step_even_when_logged_earlier()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await LogAsync(scope, runId, new Metric("acc", 0.9, SqliteStoreScope.Time(1), 5));
        await LogAsync(scope, runId, new Metric("acc", 0.1, SqliteStoreScope.Time(2), 3));

        Assert.Equal([$"0.9 | {SqliteStoreScope.Time(1)} | 5"], scope.Rows("SELECT value, timestamp, step FROM latest_metrics"));
    }

    [Fact]
    public async Task Latest_metric_breaks_a_step_tie_by_timestamp_then_value()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await LogAsync(scope, runId, new Metric("a", 1, SqliteStoreScope.Time(5), 2), new Metric("a", 7, SqliteStoreScope.Time(1), 2));
        await LogAsync(scope, runId, new Metric("b", 3, SqliteStoreScope.Time(5), 2), new Metric("b", 2, SqliteStoreScope.Time(5), 2));

        Assert.Equal(["a | 1.0", "b | 3.0"], scope.Rows("SELECT key, printf('%.1f', value) FROM latest_metrics ORDER BY key"));
    }

    [Fact]
    public async Task Latest_metric_of_a_NaN_point_compares_as_value_0()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await LogAsync(scope, runId, new Metric("loss", -1, SqliteStoreScope.Time(), 4));
        await LogAsync(scope, runId, new Metric("loss", double.NaN, SqliteStoreScope.Time(), 4));

        Assert.Equal(["0 | 1"], scope.Rows("SELECT value, is_nan FROM latest_metrics"));
        Assert.True(double.IsNaN(Assert.Single((await scope.Store.GetRunAsync(runId))!.LatestMetrics).Value));
    }

    [Fact]
    public async Task The_same_point_logged_twice_is_stored_once_and_same_step_points_are_both_kept()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        var point = new Metric("loss", 0.5, SqliteStoreScope.Time(), 0);
        await LogAsync(scope, runId, point, point);
        await LogAsync(scope, runId, point, point with { Value = 0.4 });

        var history = await scope.Store.GetMetricHistoryAsync(runId, "loss");
        Assert.Equal([0.4, 0.5], history.Select(m => m.Value));
    }

    [Fact]
    public async Task History_keeps_negative_and_huge_steps_in_timestamp_order()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await LogAsync(scope, runId, new Metric("m", 2, SqliteStoreScope.Time(2), long.MaxValue), new Metric("m", 1, SqliteStoreScope.Time(1), -3));

        var history = await scope.Store.GetMetricHistoryAsync(runId, "m");
        Assert.Equal([-3L, long.MaxValue], history.Select(m => m.Step));
    }

    [Fact]
    public async Task An_invalid_metric_key_is_rejected_with_MLflow_s_message()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => LogAsync(scope, runId, new Metric("ok", 1, 1), new Metric("bad*key", 1, 1)));

        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
        Assert.StartsWith("Invalid value \"bad*key\" for parameter 'metrics[1].name' supplied: Names may only contain", error.Message, StringComparison.Ordinal);
    }
}
