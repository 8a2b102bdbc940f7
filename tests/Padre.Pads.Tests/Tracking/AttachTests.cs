using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Tracking;

public sealed class AttachTests
{
    [Fact]
    public async Task MLFLOW_RUN_ID_attaches_the_first_top_level_run_to_the_existing_store_run()
    {
        var store = new RecordingStore();
        var existing = await store.CreateRunAsync(new RunCreation("0", "0123456789abcdef0123456789abcdef", "made-elsewhere", "u", 1, []));
        await store.UpdateRunAsync(existing.RunId, RunStatus.Finished, 2);
        await using var t = RecordingSession.Start(store, configure: o => o with { RunId = existing.RunId });

        using (var run = t.Session.StartRun(null, null, null))
        {
            Assert.Equal(existing.RunId, run.Id);
            run.LogMetric("resumed", 1);
        }

        var second = t.Session.StartRun("fresh", null, null);
        second.End();
        Assert.NotEqual(existing.RunId, second.Id);
        Assert.True(t.Flush());
        var stored = store.Runs.Single(r => r.Info.RunId == existing.RunId);
        Assert.Equal([RunStatus.Finished, RunStatus.Running, RunStatus.Finished], stored.StatusHistory);
        Assert.Single(stored.Metrics);
        Assert.Equal(2, store.Runs.Count);
    }
}
