using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Sql;

namespace Padre.Pads.EndToEnd.Tests;

/// <summary>What a sample left in the embedded default store (mlflow.db beside where it ran), read back through the store.</summary>
internal sealed record StoredRun(RunRecord Record, IReadOnlyDictionary<string, string> Params, IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Artifacts)
{
    public static async Task<StoredRun> OnlyRunIn(string workingDirectory)
    {
        var database = Path.Combine(workingDirectory, "mlflow.db");
        Assert.True(File.Exists(database), $"the sample wrote no {database}");
        await using var store = new SqliteTrackingStore(database, Path.Combine(workingDirectory, "mlruns"));
        var runs = await store.SearchRunsAsync(["0"]);
        var run = Assert.Single(runs);
        var artifacts = new List<string>();
        await Walk(store, run.Info.RunId, null, artifacts);
        return new StoredRun(
            run,
            run.Params.ToDictionary(p => p.Key, p => p.Value),
            run.Tags.ToDictionary(t => t.Key, t => t.Value),
            run.LatestMetrics.ToDictionary(m => m.Key, m => m.Value),
            artifacts);
    }

    private static async Task Walk(ITrackingStore store, string runId, string? path, List<string> files)
    {
        foreach (var entry in await store.ListArtifactsAsync(runId, path))
        {
            if (entry.IsDirectory)
            {
                await Walk(store, runId, entry.Path, files);
            }
            else
            {
                files.Add(entry.Path);
            }
        }
    }
}
