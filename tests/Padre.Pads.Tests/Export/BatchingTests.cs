using System.Globalization;
using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Export;

public sealed class BatchingTests
{
    [Fact]
    public async Task LogBatch_splits_2500_metrics_into_1000_1000_500()
    {
        // The store is away while logging, so all 2500 wait in the spool and go out in one pass.
        var store = new RecordingStore { Down = true };
        await using var t = RecordingSession.Start(store);
        var run = t.Session.StartRun("many-metrics", null, null);
        for (var i = 0; i < 2500; i++)
        {
            run.LogMetric("m", i, i);
        }

        await t.Session.FlushAsync(TimeSpan.FromMilliseconds(200));
        store.Down = false;

        Assert.True(t.Flush());
        Assert.Equal([1000, 1000, 500], t.Store.Batches.Select(b => b.Metrics).Where(n => n > 0));
    }

    [Fact]
    public async Task Params_and_tags_between_artifacts_and_inputs_go_out_in_one_batch_before_the_end()
    {
        // The store is away while logging, so everything waits in the spool and goes out in one pass, as at exit.
        var store = new RecordingStore { Down = true };
        await using var t = RecordingSession.Start(store);
        var run = t.Session.StartRun("interleaved", null, null);
        run.LogParam("a", "1");
        run.LogText("first", "notes/first.txt");
        run.SetTag("b", "2");
        run.LogInput(DatasetInput.WithContext(new Dataset("iris", "0123456789abcdef", "code", "{}"), "training"));
        run.LogParam("c", "3");
        run.LogText("second", "notes/second.txt");
        run.End();
        store.Down = false;

        Assert.True(t.Flush());
        Assert.Equal([(0, 2, 1)], t.Store.Batches);
        var stored = t.Store.RunNamed("interleaved");
        Assert.Equal(["notes/first.txt", "notes/second.txt"], stored.Artifacts.Keys.Order());
        Assert.Single(stored.Inputs);
        Assert.Equal(RunStatus.Finished, stored.Info.Status);
    }

    [Fact]
    public async Task LogBatch_splits_150_params_into_100_and_50()
    {
        var store = new RecordingStore { Down = true };
        await using var t = RecordingSession.Start(store);
        var run = t.Session.StartRun("many-params", null, null);
        for (var i = 0; i < 150; i++)
        {
            run.LogParam($"p{i}", "v");
        }

        await t.Session.FlushAsync(TimeSpan.FromMilliseconds(200));
        store.Down = false;

        Assert.True(t.Flush());
        Assert.Equal([100, 50], t.Store.Batches.Select(b => b.Params).Where(n => n > 0));
    }

    [Fact]
    public async Task Same_param_key_is_never_twice_in_one_batch()
    {
        await using var t = RecordingSession.Start(configure: o => o with { FlushInterval = TimeSpan.FromHours(1) });
        var first = t.Session.StartRun("dup", null, null);
        // Two runs log the same keys; per run, a key is sent once even when logged again with the same value.
        for (var i = 0; i < 10; i++)
        {
            first.LogParam("alpha", "1");
            first.LogParam($"k{i}", "v");
        }

        Assert.True(t.Flush());
        Assert.All(t.Store.BatchParamKeys, keys => Assert.Equal(keys.Length, keys.Distinct().Count()));
        Assert.Equal(1, t.Store.RunNamed("dup").ParamWrites - 10);
    }

    [Fact]
    public async Task Sixteen_threads_of_100k_metrics_lose_nothing_and_keep_per_key_order()
    {
        await using var t = RecordingSession.Start(configure: o => o with { QueueCapacity = 16_384 });
        var run = t.Session.StartRun("load", null, null);
        const int perThread = 100_000;
        var threads = Enumerable.Range(0, 16).Select(i => new Thread(() =>
        {
            var key = "t" + i.ToString(CultureInfo.InvariantCulture);
            for (var step = 0; step < perThread; step++)
            {
                run.LogMetric(key, step, step);
            }
        })).ToList();
        threads.ForEach(th => th.Start());
        threads.ForEach(th => th.Join());
        run.End();

        Assert.True(await t.Session.FlushAsync(TimeSpan.FromMinutes(2)));
        var metrics = t.Store.RunNamed("load").Metrics;
        Assert.Equal(16 * perThread, metrics.Count);
        foreach (var group in metrics.GroupBy(m => m.Key))
        {
            var steps = group.Select(m => m.Step).ToArray();
            Assert.Equal(perThread, steps.Length);
            for (var i = 0; i < steps.Length; i++)
            {
                Assert.Equal(i, steps[i]);
            }
        }
    }
}
