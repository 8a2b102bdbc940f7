using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Export;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Store_down_for_the_whole_run_then_up_SyncAsync_replays_identical_content()
    {
        var spool = Directory.CreateTempSubdirectory("padre-spool-").FullName;
        var down = new RecordingStore { Down = true, AssignOwnIds = true };
        var first = RecordingSession.Start(down, spool, o => o with { FlushTimeout = TimeSpan.FromMilliseconds(300) });
        using (var parent = first.Session.StartRun("outage", "exp-outage", null))
        {
            parent.LogParam("lr", "0.1");
            parent.LogParam("lr", "0.1");
            for (var i = 0; i < 1500; i++)
            {
                parent.LogMetric("loss", 1.0 / (i + 1), i);
            }

            parent.LogText("hello", "notes/readme.txt");
            using var child = first.Session.StartRun("outage-child", null, null);
            child.LogParam("fold", "1");
        }

        await first.DisposeAsync();
        Assert.Empty(down.Runs);
        Assert.NotEmpty(Directory.GetFiles(spool, "*.spool"));

        var up = new RecordingStore { AssignOwnIds = true };
        await using var second = RecordingSession.Start(up, spool);
        var report = await second.Session.SyncAsync();

        Assert.Equal(1, report.SegmentsReplayed);
        var parentRun = up.RunNamed("outage");
        var childRun = up.RunNamed("outage-child");
        Assert.Equal(RunStatus.Finished, parentRun.Info.Status);
        Assert.Equal(RunStatus.Finished, childRun.Info.Status);
        Assert.Equal(1500, parentRun.Metrics.Count);
        Assert.Equal(Enumerable.Range(0, 1500).Select(i => (long)i), parentRun.Metrics.Select(m => m.Step));
        Assert.Equal(1, parentRun.ParamWrites);
        Assert.Equal("0.1", parentRun.Params["lr"]);
        Assert.Equal("hello", System.Text.Encoding.UTF8.GetString(parentRun.Artifacts["notes/readme.txt"]));
        Assert.Equal(parentRun.Info.RunId, childRun.Tags["mlflow.parentRunId"]);
        Assert.DoesNotContain(Directory.GetFiles(spool, "*.spool"), f => !f.Contains(second.Session.Exporter.SpoolSegmentName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Store_that_comes_back_during_the_run_gets_everything_once()
    {
        var store = new RecordingStore { Down = true };
        // The exporter works from the start here (no hold-back for start-up), so it meets the outage during the run.
        await using var t = RecordingSession.Start(store, configure: o => o with { BackgroundDelay = TimeSpan.Zero });
        var run = t.Session.StartRun("flaky", null, null);
        for (var i = 0; i < 3000; i++)
        {
            run.LogMetric("m", i, i);
            if (i == 1500)
            {
                await Task.Delay(100);
                store.Down = false;
            }
        }

        run.LogParam("p", "x");
        run.End();
        Assert.True(t.Flush());
        Assert.True(store.FailedCalls > 0);
        var stored = store.RunNamed("flaky");
        Assert.Equal(3000, stored.Metrics.Count);
        Assert.Equal(1, stored.ParamWrites);
    }

    [Fact]
    public async Task Permanently_rejected_record_is_skipped_alone_and_reported()
    {
        var store = new RecordingStore { Reject = key => key == "poison" };
        await using var t = RecordingSession.Start(store, configure: o => o with { FlushInterval = TimeSpan.FromHours(1) });
        var run = t.Session.StartRun("isolate", null, null);
        for (var i = 0; i < 500; i++)
        {
            run.LogMetric(i == 321 ? "poison" : "good", i, i);
        }

        run.End();
        Assert.True(t.Flush());
        Assert.Equal(499, store.RunNamed("isolate").Metrics.Count);
        Assert.Equal(RunStatus.Finished, store.RunNamed("isolate").Info.Status);
        Assert.True(t.ReportedWith("rejected"));
        Assert.Equal(1, t.Session.Exporter.Rejected);
    }

    [Fact]
    public async Task Full_queue_spills_to_the_spool_and_drops_nothing()
    {
        var store = new RecordingStore { Down = true };
        await using var t = RecordingSession.Start(store, configure: o => o with
        {
            QueueCapacity = 16,
            QueueFullWait = TimeSpan.Zero,
            FlushInterval = TimeSpan.FromHours(1),
        });
        var run = t.Session.StartRun("spill", null, null);
        for (var i = 0; i < 1000; i++)
        {
            run.LogMetric("m", i, i);
        }

        Assert.True(t.Session.Exporter.Spilled > 0);
        Assert.True(t.ReportedWith("queue is full"));
        store.Down = false;
        run.End();
        Assert.True(t.Flush());
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), store.RunNamed("spill").Metrics.Select(m => m.Step));
    }

    [Fact]
    public async Task Killed_process_is_recovered_on_next_start_as_killed_with_everything_flushed()
    {
        var spool = Directory.CreateTempSubdirectory("padre-spool-").FullName;
        var store = new RecordingStore();
        var crashed = RecordingSession.Start(store, spool);
        var run = crashed.Session.StartRun("crashed", null, null);
        for (var i = 0; i < 100; i++)
        {
            run.LogMetric("m", i, i);
        }

        Assert.True(crashed.Flush());
        store.Down = true;
        for (var i = 100; i < 200; i++)
        {
            run.LogMetric("m", i, i);
        }

        await crashed.Session.FlushAsync(TimeSpan.FromMilliseconds(300));
        await crashed.Session.AbandonAsync();
        store.Down = false;

        await using var next = RecordingSession.Start(store, spool);
        var report = await next.Session.SyncAsync();
        var stored = store.RunNamed("crashed");
        Assert.Equal(1, report.RunsKilled);
        Assert.Equal(RunStatus.Killed, stored.Info.Status);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), stored.Metrics.Select(m => m.Step));
    }

    [Fact]
    public async Task Ending_a_run_while_the_store_is_down_does_not_wait_for_the_store()
    {
        var store = new RecordingStore { Down = true };
        await using var t = RecordingSession.Start(store, configure: o => o with { FlushTimeout = TimeSpan.FromSeconds(20) });
        var run = t.Session.StartRun("fast-end", null, null);
        run.LogMetric("m", 1);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        run.End();
        // Bounded by one exporter cycle (records durable in the spool), far below the 20 s flush timeout.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"End took {watch.Elapsed}");
        store.Down = false;
    }

    [Theory]
    [InlineData("http")]
    [InlineData("timeout")]
    [InlineData("transient")]
    public async Task Store_failing_every_third_call_loses_and_duplicates_nothing(string failure)
    {
        var store = new RecordingStore
        {
            FailEvery = 3,
            FailWith = failure switch
            {
                "http" => () => new HttpRequestException("connection refused"),
                "timeout" => () => new TimeoutException("the request timed out"),
                _ => () => new TrackingStoreException("TEMPORARILY_UNAVAILABLE", "database is locked", isTransient: true),
            },
        };
        await using var t = RecordingSession.Start(store);
        for (var r = 0; r < 3; r++)
        {
            using var run = t.Session.StartRun($"flaky-{r}", $"exp-{r}", null);
            for (var i = 0; i < 2_500; i++)
            {
                run.LogMetric("m", i, i);
                if (i % 100 == 0)
                {
                    run.LogParam($"p{i}", "v");
                    run.SetTag("last", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        Assert.True(t.Flush());
        Assert.True(store.FailedCalls > 0);
        for (var r = 0; r < 3; r++)
        {
            var stored = store.RunNamed($"flaky-{r}");
            Assert.Equal(RunStatus.Finished, stored.Info.Status);
            Assert.Equal(Enumerable.Range(0, 2_500).Select(i => (long)i), stored.Metrics.Select(m => m.Step));
            Assert.Equal(25, stored.ParamWrites);
            Assert.Equal("2400", stored.Tags["last"]);
        }
    }
}
