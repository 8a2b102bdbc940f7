namespace Padre.Pads.Tracking;

/// <summary>
/// Where tracking queues its own background tasks (the exporter's loop, the run loggers' start, the signal handlers'
/// registration): to the thread pool, except while the warm-up is starting the pool, when they wait here and are handed
/// to it once it has started. Starting the pool took 3-13 ms on the warm-up thread, and the Sentiment sample's first
/// hooked call, which queues those tasks, came during it in most launches: queuing then made the program's thread wait
/// for the pool's start (up to 10 ms), or start it itself.
/// </summary>
/// <remarks>
/// Not held unless <see cref="Hold"/> was called (tests and programs without the warm-up queue straight to the pool).
/// A held task is never run inline: a caller that waits for one waits for the release, which the warm-up makes in a
/// <c>finally</c>, before anything of its own could wait for such a task.
/// </remarks>
internal sealed class PoolStart : TaskScheduler
{
    private readonly object gate = new();
    private List<Task>? held;

    /// <summary>From now on tasks wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (gate)
        {
            held ??= [];
        }
    }

    /// <summary>Hands the waiting tasks to the pool, and every later task straight to it (idempotent).</summary>
    public void Release()
    {
        List<Task>? waiting;
        lock (gate)
        {
            waiting = held;
            held = null;
        }

        foreach (var task in waiting ?? [])
        {
            ToPool(task);
        }
    }

    /// <summary>True while tasks wait for <see cref="Release"/>.</summary>
    public bool IsHeld
    {
        get
        {
            lock (gate)
            {
                return held is not null;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> as <see cref="Task.Run(Func{Task})"/> would, through this scheduler.</summary>
    public Task Run(Func<Task> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    /// <summary>Runs <paramref name="work"/> as <see cref="Task.Run(Action)"/> would, through this scheduler.</summary>
    public Task Run(Action work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this);

    protected override void QueueTask(Task task)
    {
        lock (gate)
        {
            if (held is not null)
            {
                held.Add(task);
                return;
            }
        }

        ToPool(task);
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => !IsHeld && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (gate)
        {
            return held is null ? [] : [.. held];
        }
    }

    // A class, not a value tuple, as the work item's state: a generic over a struct would be JIT-compiled at first use.
    private void ToPool(Task task) => ThreadPool.UnsafeQueueUserWorkItem(static state => ((Handoff)state!).Run(), new Handoff(this, task));

    private sealed class Handoff(PoolStart scheduler, Task task)
    {
        public void Run() => scheduler.TryExecuteTask(task);
    }
}
