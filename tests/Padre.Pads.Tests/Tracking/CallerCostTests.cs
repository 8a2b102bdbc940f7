using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Tracking;

/// <summary>What logging costs the caller's thread in allocations (time is measured by the benchmarks, never here).</summary>
public sealed class CallerCostTests
{
    [Fact]
    public async Task LogMetric_and_SetTag_allocate_nothing_per_call_on_the_caller_thread()
    {
        await using var t = RecordingSession.Start(configure: o => o with { QueueCapacity = 1 << 16 });
        var run = t.Session.StartRun("alloc", null, null);
        WarmUp(run);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            run.LogMetric("loss", i, i);
            run.SetTag("phase", "train");
        }

        // 20,000 calls: one object per call would be at least 480,000 bytes. The only allowance is for waking the
        // exporter (a semaphore release, once per ~1,000 records), in which the runtime now and then allocates a few
        // bytes while handing the waiter to the thread pool.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= 1024, $"{allocated} bytes allocated by 20,000 calls");
    }

    [Fact]
    public async Task LogParam_costs_at_most_one_small_allocation_per_new_key_on_the_caller_thread()
    {
        await using var t = RecordingSession.Start(configure: o => o with { QueueCapacity = 1 << 16 });
        var run = t.Session.StartRun("alloc-params", null, null);
        var keys = Enumerable.Range(0, 10_000).Select(i => "p" + i).ToArray();
        run.LogParam("warm", "x");
        WarmUp(run);

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var key in keys)
        {
            run.LogParam(key, "0.01");
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)keys.Length;
        // Only the run's param dictionary grows (amortised doubling, for the immutability check); nothing else is allocated per call.
        Assert.True(perCall < 100, $"{perCall} bytes per LogParam");

        before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var key in keys)
        {
            run.LogParam(key, "0.01");
        }

        // 20,000 calls: one object per call would be at least 480,000 bytes. The only allowance is for waking the
        // exporter (a semaphore release, once per ~1,000 records), in which the runtime now and then allocates a few
        // bytes while handing the waiter to the thread pool.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated <= 1024, $"{allocated} bytes allocated by 20,000 calls");
    }

    // The record queue starts small and takes its full size once (RecordQueue): fill it past that first.
    private static void WarmUp(Run run)
    {
        for (var i = 0; i < 1_000; i++)
        {
            run.LogMetric("warm", i, i);
            run.SetTag("phase", "warm");
        }
    }
}
