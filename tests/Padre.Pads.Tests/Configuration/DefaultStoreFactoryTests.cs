using Padre.Pads.Configuration;
using Padre.Pads.Stores.Mlflow.FileStore;
using Padre.Pads.Stores.Mlflow.Rest;
using Padre.Pads.Stores.Mlflow.Sql;

namespace Padre.Pads.Tests.Configuration;

public sealed class DefaultStoreFactoryTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("padre-factory-").FullName;

    [Fact]
    public async Task Sqlite_uri_builds_the_sqlite_store_on_that_file()
    {
        var uri = TrackingUri.Parse("sqlite:///runs.db", directory);
        await using var store = DefaultStoreFactory.Create(uri, new TrackingOptions { TrackingUri = uri });
        Assert.IsType<SqliteTrackingStore>(store);
        Assert.Equal("0", (await store.GetExperimentAsync("0"))?.ExperimentId);
        Assert.True(File.Exists(Path.Combine(directory, "runs.db")));
    }

    [Fact]
    public async Task File_uri_builds_the_file_store_in_that_directory()
    {
        var uri = TrackingUri.Parse("file:./mlruns", directory);
        await using var store = DefaultStoreFactory.Create(uri, new TrackingOptions { TrackingUri = uri });
        Assert.IsType<FileTrackingStore>(store);
        Assert.NotNull(await store.GetExperimentAsync("0"));
        Assert.True(File.Exists(Path.Combine(directory, "mlruns", "0", "meta.yaml")));
    }

    [Fact]
    public async Task Http_uri_builds_the_rest_store_without_credentials_in_its_uri()
    {
        var uri = TrackingUri.Parse("http://user:secret@127.0.0.1:5999", directory);
        await using var store = DefaultStoreFactory.Create(uri, new TrackingOptions { TrackingUri = uri, Username = "user", Password = "secret" });
        Assert.IsType<RestTrackingStore>(store);
        Assert.DoesNotContain("secret", store.TrackingUri, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
