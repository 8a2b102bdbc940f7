using Microsoft.Data.Sqlite;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Sql;

namespace Padre.Pads.Tests.Stores.Sql;

public sealed class SqliteConcurrencyTests
{
    [Fact]
    public async Task A_database_locked_by_another_writer_fails_as_transient()
    {
        await using var scope = new SqliteStoreScope(TimeSpan.FromMilliseconds(100));
        var runId = await scope.NewRunAsync();
        using var other = new SqliteConnection($"Data Source={scope.DatabasePath};Pooling=False");
        other.Open();
        using (var hold = other.CreateCommand())
        {
            hold.CommandText = "BEGIN EXCLUSIVE";
            hold.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.Store.LogBatchAsync(runId, [new Metric("m", 1, 1)], [], []));

        Assert.True(error.IsTransient);
        Assert.Equal("TEMPORARILY_UNAVAILABLE", error.ErrorCode);
    }

    [Fact]
    public async Task Two_stores_on_one_database_both_write()
    {
        await using var scope = new SqliteStoreScope();
        await using var second = new SqliteTrackingStore(scope.DatabasePath, scope.ArtifactRoot);
        var first = await scope.NewRunAsync();
        var other = (await second.CreateRunAsync(new RunCreation("0", Guid.NewGuid().ToString("N"), "b", "u", 1, []))).RunId;

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 20; i++) { await scope.Store.LogBatchAsync(first, [new Metric("m", i, i, i)], [], []); } }),
            Task.Run(async () => { for (var i = 0; i < 20; i++) { await second.LogBatchAsync(other, [new Metric("m", i, i, i)], [], []); } }));

        Assert.Equal(["40"], scope.Rows("SELECT count(*) FROM metrics"));
    }

    [Fact]
    public async Task Disposing_releases_the_database_file()
    {
        var scope = new SqliteStoreScope();
        await scope.NewRunAsync();

        await scope.DisposeAsync();

        Assert.False(Directory.Exists(scope.Directory));
    }

    [Fact]
    public async Task The_journal_mode_stays_MLflow_s_rollback_journal()
    {
        await using var scope = new SqliteStoreScope();
        await scope.NewRunAsync();

        Assert.Equal(["delete"], scope.Rows("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Two_stores_creating_one_new_database_at_once_create_it_once()
    {
        var directory = Directory.CreateTempSubdirectory("padre-sql-").FullName;
        try
        {
            var path = Path.Combine(directory, "mlflow.db");
            var stores = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => new SqliteTrackingStore(path, Path.Combine(directory, "mlruns")))));
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }

            await using var check = new SqliteTrackingStore(path, Path.Combine(directory, "mlruns"));
            Assert.Single(await check.SearchExperimentsAsync());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
