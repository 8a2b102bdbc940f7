using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Export;

public sealed class SpoolRotationTests
{
    [Fact]
    public async Task Long_run_rotates_its_spool_and_a_crash_after_rotation_still_recovers_the_run_as_killed()
    {
        var spool = Directory.CreateTempSubdirectory("padre-rotate-").FullName;
        var store = new RecordingStore { AssignOwnIds = true };
        var t = RecordingSession.Start(store, spool);
        t.Session.Exporter.RotateAfterBytes = 4_096;
        var firstSegment = t.Session.Exporter.SpoolSegmentName;
        var run = t.Session.StartRun("long", null, null);
        for (var i = 0; i < 2_000; i++)
        {
            run.LogMetric("m", i, i);
            if (i % 500 == 499)
            {
                Assert.True(t.Flush());
            }
        }

        Assert.True(t.Flush());
        Assert.NotEqual(firstSegment, t.Session.Exporter.SpoolSegmentName);
        Assert.Single(Directory.GetFiles(spool, "*.spool"));
        await t.Session.AbandonAsync();

        await using var next = RecordingSession.Start(store, spool);
        var report = await next.Session.SyncAsync();
        var stored = store.RunNamed("long");
        Assert.Equal(1, report.RunsKilled);
        Assert.Equal(RunStatus.Killed, stored.Info.Status);
        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => (long)i), stored.Metrics.Select(m => m.Step));
        Assert.Single(store.Runs);
    }
}
