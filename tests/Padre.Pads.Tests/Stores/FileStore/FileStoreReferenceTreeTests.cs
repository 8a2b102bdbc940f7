using System.Text.RegularExpressions;
using Padre.Pads.Stores.Mlflow.FileStore;

namespace Padre.Pads.Tests.Stores.FileStore;

/// <summary>Our tree for the reference scenario against the tree MLflow's Python client wrote.</summary>
public partial class FileStoreReferenceTreeTests
{
    [Fact]
    public async Task Reference_scenario_creates_exactly_the_reference_directories_and_files()
    {
        using var temp = new TempDirectory();
        var experimentId = await WriteScenario(temp.Mlruns);

        var expected = File.ReadAllLines(FileStoreTestData.ReferenceLayout)
            .Where(line => line.Length > 0)
            .Select(line => Regex.Replace(line.Trim(), @"\s+\d+ bytes$", string.Empty))
            .Select(line => Regex.Replace(line, @"\s+", " "))
            .Order(StringComparer.Ordinal)
            .ToList();
        var actual = Listing(temp.Mlruns)
            .Select(line => line.Replace(experimentId, ReferenceScenario.ReferenceExperimentId, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Reference_scenario_writes_every_file_byte_for_byte_as_mlflow()
    {
        using var temp = new TempDirectory();
        var experimentId = await WriteScenario(temp.Mlruns);
        var root = Path.GetFullPath(temp.Mlruns);

        var compared = 0;
        foreach (var referenceFile in Directory.EnumerateFiles(FileStoreTestData.ReferenceRoot, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(FileStoreTestData.ReferenceRoot, referenceFile)
                .Replace(ReferenceScenario.ReferenceExperimentId, experimentId, StringComparison.Ordinal);
            var ours = Path.Combine(root, relative);
            Assert.True(File.Exists(ours), $"missing {relative}");
            var expected = Normalize(File.ReadAllText(referenceFile));
            var actual = Normalize(File.ReadAllText(ours)
                .Replace(FileUri.FromPath(root), "file://<mlruns-root>", StringComparison.Ordinal)
                .Replace(experimentId, ReferenceScenario.ReferenceExperimentId, StringComparison.Ordinal));
            Assert.True(expected == actual, $"{relative} differs.\n--- MLflow ---\n{expected}\n--- ours ---\n{actual}");
            compared++;
        }

        Assert.Equal(File.ReadAllLines(FileStoreTestData.ReferenceLayout).Count(line => line.StartsWith("file", StringComparison.Ordinal)), compared);
    }

    private static async Task<string> WriteScenario(string root)
    {
        await using var store = new FileTrackingStore(root);
        return await ReferenceScenario.WriteAsync(store);
    }

    // Only what the store itself stamps differs between runs: experiment creation times and the deletion time.
    private static string Normalize(string text) =>
        TimestampFields().Replace(text, "$1: <time>");

    [GeneratedRegex(@"(creation_time|last_update_time|deleted_time): \d+")]
    private static partial Regex TimestampFields();

    private static IEnumerable<string> Listing(string root)
    {
        yield return "dir .";
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            var relative = "./" + Path.GetRelativePath(root, entry).Replace(Path.DirectorySeparatorChar, '/');
            yield return (Directory.Exists(entry) ? "dir " : "file ") + relative;
        }
    }
}
