using Padre.Pads.Tracking;

namespace Padre.Pads.Tests.Tracking;

/// <summary>
/// Tracking's background tasks go to the thread pool, except while the warm-up starts it: then they wait and are handed
/// to the pool when it has started, so the program's thread never waits for (or pays) the pool's start.
/// </summary>
public sealed class PoolStartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // How long a test watches for a task that must not run.
    private static readonly TimeSpan Watch = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_task_queued_without_a_hold_runs_on_the_pool()
    {
        var pool = new PoolStart();
        var ranOnPool = false;

        await pool.Run(() => ranOnPool = Thread.CurrentThread.IsThreadPoolThread).WaitAsync(Patience);

        Assert.True(ranOnPool);
    }

    [Fact]
    public async Task A_task_queued_during_a_hold_waits_until_the_release()
    {
        var pool = new PoolStart();
        pool.Hold();
        using var ran = new ManualResetEventSlim();

        var task = pool.Run(ran.Set);

        Assert.False(ran.Wait(Watch));
        Assert.False(task.IsCompleted);
        pool.Release();
        await task.WaitAsync(Patience);
        Assert.True(ran.IsSet);
    }

    [Fact]
    public async Task An_async_task_queued_during_a_hold_completes_with_its_work_after_the_release()
    {
        var pool = new PoolStart();
        pool.Hold();
        var steps = 0;

        var task = pool.Run(async () =>
        {
            steps++;
            await Task.Yield();
            steps++;
        });

        await Task.WhenAny(task, Task.Delay(Watch));
        Assert.False(task.IsCompleted);
        Assert.Equal(0, steps);
        pool.Release();
        await task.WaitAsync(Patience);
        Assert.Equal(2, steps);
    }

    [Fact]
    public async Task Waiting_for_a_held_task_does_not_run_it_on_the_waiting_thread()
    {
        var pool = new PoolStart();
        pool.Hold();
        int? ranOn = null;
        var task = pool.Run(() => ranOn = Environment.CurrentManagedThreadId);

        // A wait without a timeout tries to run a queued task inline on the waiting thread; a held one must stay held.
        var waiter = new Thread(() => BlockingWait(task)) { IsBackground = true };
        waiter.Start();
        Assert.False(waiter.Join(Watch));
        Assert.Null(ranOn);
        pool.Release();
        await task.WaitAsync(Patience);
        Assert.True(waiter.Join(Patience));
        Assert.NotEqual(waiter.ManagedThreadId, ranOn);
    }

    [Fact]
    public async Task A_release_lets_later_tasks_run_at_once_and_a_second_release_changes_nothing()
    {
        var pool = new PoolStart();
        pool.Hold();
        var first = pool.Run(() => { });
        pool.Release();
        pool.Release();

        var later = pool.Run(() => { });

        await Task.WhenAll(first, later).WaitAsync(Patience);
        Assert.False(pool.IsHeld);
    }

    [Fact]
    public async Task A_failing_task_reports_its_exception_through_its_task()
    {
        var pool = new PoolStart();

        var task = pool.Run(new Action(() => throw new InvalidOperationException("boom")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => task.WaitAsync(Patience));
        Assert.Equal("boom", error.Message);
    }

    private static void BlockingWait(Task task) => task.Wait();
}
