using System.Text;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Sql;

namespace Padre.Pads.Tests.Stores.Sql;

public sealed class SqliteArtifactTests
{
    private static Task LogTextAsync(SqliteStoreScope scope, string runId, string path, string text) =>
        scope.Store.LogArtifactAsync(runId, path, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task Artifacts_are_written_under_the_run_s_artifact_uri()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await LogTextAsync(scope, runId, "sub/a.txt", "hi");

        Assert.Equal("hi", File.ReadAllText(Path.Combine(scope.ArtifactRoot, "0", runId, "artifacts", "sub", "a.txt")));
    }

    [Fact]
    public async Task Listing_returns_direct_children_relative_to_the_artifact_root()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await LogTextAsync(scope, runId, "model.json", "{}");
        await LogTextAsync(scope, runId, "dir/t.txt", "abc");

        Assert.Equal([new ArtifactEntry("dir", true, null), new ArtifactEntry("model.json", false, 2)], await scope.Store.ListArtifactsAsync(runId));
        Assert.Equal([new ArtifactEntry("dir/t.txt", false, 3)], await scope.Store.ListArtifactsAsync(runId, "dir"));
        Assert.Empty(await scope.Store.ListArtifactsAsync(runId, "missing"));
    }

    [Fact]
    public async Task Opening_reads_back_the_bytes_and_a_missing_file_is_not_found()
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();
        await LogTextAsync(scope, runId, "dir/t.txt", "abc");

        await using (var stream = await scope.Store.OpenArtifactAsync(runId, "dir/t.txt"))
        {
            Assert.Equal("abc", await new StreamReader(stream).ReadToEndAsync());
        }

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => scope.Store.OpenArtifactAsync(runId, "nope.txt"));
        Assert.Equal("RESOURCE_DOES_NOT_EXIST", error.ErrorCode);
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("/abs.txt")]
    [InlineData("a/./b.txt")]
    public async Task Paths_leaving_the_artifact_root_are_refused(string path)
    {
        await using var scope = new SqliteStoreScope();
        var runId = await scope.NewRunAsync();

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => LogTextAsync(scope, runId, path, "x"));

        Assert.Equal("INVALID_PARAMETER_VALUE", error.ErrorCode);
    }

    [Fact]
    public async Task A_remote_artifact_location_is_refused_with_the_reason()
    {
        await using var scope = new SqliteStoreScope();
        var experimentId = await scope.Store.CreateExperimentAsync("remote", "mlflow-artifacts:/7");
        var runId = await scope.NewRunAsync(experimentId);

        var error = await Assert.ThrowsAsync<TrackingStoreException>(() => LogTextAsync(scope, runId, "a.txt", "x"));

        Assert.Contains("mlflow-artifacts:/7/" + runId + "/artifacts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_root_resolves_against_the_working_directory_without_a_scheme()
    {
        var expected = Path.Combine(Environment.CurrentDirectory, "mlruns");

        Assert.Equal(OperatingSystem.IsWindows() ? "file:///" + expected.Replace('\\', '/') : expected, ArtifactLocation.Resolve("./mlruns"));
        Assert.Equal("file://" + expected.Replace('\\', '/'), ArtifactLocation.Resolve("file:./mlruns"));
        Assert.Equal("s3://bucket/root", ArtifactLocation.Resolve("s3://bucket/root"));
    }
}
