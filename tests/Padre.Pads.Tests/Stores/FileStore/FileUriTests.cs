using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.FileStore;

namespace Padre.Pads.Tests.Stores.FileStore;

public class FileUriTests
{
    // Expected values printed by Python's pathlib.Path(path).as_uri(), which MLflow uses for artifact locations.
    [Theory]
    [InlineData("/tmp/a b/mlruns", "file:///tmp/a%20b/mlruns")]
    [InlineData("/tmp/ü/x#y%z", "file:///tmp/%C3%BC/x%23y%25z")]
    [InlineData("/tmp/a+b=c,d;e@f!g(h)i'j", "file:///tmp/a%2Bb%3Dc%2Cd%3Be%40f%21g%28h%29i%27j")]
    [InlineData("/tmp/~user/_.-", "file:///tmp/~user/_.-")]
    public void FromPath_encodes_as_python_pathlib_as_uri(string path, string expected) =>
        Assert.Equal(expected, FileUri.FromPath(path));

    [Theory]
    [InlineData("file:///tmp/a%20b/mlruns", "/tmp/a b/mlruns")]
    [InlineData("file://localhost/tmp/x", "/tmp/x")]
    [InlineData("./mlruns", "./mlruns")]
    public void ToPath_decodes_local_uris_and_keeps_plain_paths(string uri, string expected) =>
        Assert.Equal(expected, FileUri.ToPath(uri));

    [Theory]
    [InlineData("file://server/share/x")]
    [InlineData("s3://bucket/x")]
    public void ToPath_refuses_non_local_locations(string uri) =>
        Assert.Null(FileUri.ToPath(uri));

    [Fact]
    public async Task Store_under_a_path_with_spaces_and_unicode_round_trips_artifacts()
    {
        using var temp = new TempDirectory();
        var root = Path.Combine(temp.Path, "my runs ü", "mlruns");
        await using var store = new FileTrackingStore(root);
        var info = await store.CreateRunAsync(new RunCreation("0", "0123456789abcdef0123456789abcdef", "r", "me", 1, []));

        await store.LogArtifactAsync(info.RunId, "a.txt", new MemoryStream([42]));

        Assert.Contains("my%20runs%20%C3%BC", info.ArtifactUri, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "0", info.RunId, "artifacts", "a.txt")));
        Assert.Equal([new ArtifactEntry("a.txt", false, 1)], await store.ListArtifactsAsync(info.RunId));
    }
}
