using Padre.Pads.Configuration;

namespace Padre.Pads.Tests.Configuration;

public sealed class TrackingUriTests
{
    private static readonly string Work = Directory.CreateTempSubdirectory("padre-uri-").FullName;

    [Fact]
    public void Unset_uri_means_sqlite_mlflow_db_in_the_working_directory()
    {
        var uri = TrackingUri.Parse(null, Work);
        Assert.Equal(TrackingStoreKind.Sqlite, uri.Kind);
        Assert.Equal(Path.Combine(Work, "mlflow.db"), uri.Location);
        Assert.Equal("sqlite:///mlflow.db", uri.ToString());
    }

    [Fact]
    public void Unset_uri_means_the_file_store_when_mlruns_holds_experiments()
    {
        var dir = Directory.CreateTempSubdirectory("padre-uri-mlruns-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "mlruns", "0"));
        File.WriteAllText(Path.Combine(dir, "mlruns", "0", "meta.yaml"), "name: Default\n");
        var uri = TrackingUri.Parse("", dir);
        Assert.Equal(TrackingStoreKind.FileStore, uri.Kind);
        Assert.Equal(Path.Combine(dir, "mlruns"), uri.Location);
    }

    [Fact]
    public void Empty_mlruns_directory_does_not_switch_to_the_file_store()
    {
        var dir = Directory.CreateTempSubdirectory("padre-uri-empty-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "mlruns"));
        Assert.Equal(TrackingStoreKind.Sqlite, TrackingUri.Parse(null, dir).Kind);
    }

    [Theory]
    [InlineData("sqlite:///runs/my.db", "runs/my.db")]
    [InlineData("sqlite:///mlflow.db", "mlflow.db")]
    public void Sqlite_with_three_slashes_is_relative_to_the_working_directory(string value, string relative)
    {
        var uri = TrackingUri.Parse(value, Work);
        Assert.Equal(TrackingStoreKind.Sqlite, uri.Kind);
        Assert.Equal(Path.GetFullPath(Path.Combine(Work, relative)), uri.Location);
    }

    [Fact]
    public void Sqlite_with_four_slashes_is_absolute()
    {
        var uri = TrackingUri.Parse("sqlite:////tmp/abs/mlflow.db", Work);
        Assert.Equal("/tmp/abs/mlflow.db", uri.Location);
    }

    [Theory]
    [InlineData("file:///tmp/store", "/tmp/store")]
    [InlineData("file://localhost/tmp/store", "/tmp/store")]
    [InlineData("/tmp/plain", "/tmp/plain")]
    public void File_uris_and_absolute_paths_mean_the_file_store(string value, string location)
    {
        var uri = TrackingUri.Parse(value, Work);
        Assert.Equal(TrackingStoreKind.FileStore, uri.Kind);
        Assert.Equal(location, uri.Location);
    }

    [Fact]
    public void Relative_path_is_a_file_store_under_the_working_directory()
    {
        var uri = TrackingUri.Parse("./mlruns", Work);
        Assert.Equal(TrackingStoreKind.FileStore, uri.Kind);
        Assert.Equal(Path.Combine(Work, "mlruns"), uri.Location);
    }

    [Fact]
    public void Http_uri_means_a_server_and_drops_credentials()
    {
        var uri = TrackingUri.Parse("http://alice:s3cret@127.0.0.1:5000/", Work);
        Assert.Equal(TrackingStoreKind.Server, uri.Kind);
        Assert.Equal("http://127.0.0.1:5000", uri.Location);
        Assert.DoesNotContain("s3cret", uri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_scheme_is_rejected_with_the_accepted_forms()
    {
        var e = Assert.Throws<ArgumentException>(() => TrackingUri.Parse("databricks://profile", Work));
        Assert.Contains("databricks", e.Message, StringComparison.Ordinal);
        Assert.Contains("sqlite:///mlflow.db", e.Message, StringComparison.Ordinal);
    }
}
