namespace Padre.Pads.Tracking;

/// <summary>
/// The background half of one run's event loggers: the heavy work a hooked call hands over (saving a fitted model,
/// scanning a dataset, building evaluation tables) so the user's call returns as soon as the cheap facts are taken.
/// Work runs in the order it was handed over, one item at a time, on a pool thread that exists only while there is
/// work. Bounded: with <see cref="Capacity"/> items waiting or running, the caller waits for room (the cost it would
/// have paid inline) instead of a save being dropped. The run's end waits for it (<see cref="Close"/>).
/// Nothing runs before the session's <see cref="BackgroundStart"/> opens; a full queue or <see cref="Close"/> opens it.
/// </summary>
internal sealed class RunWorker
{
    /// <summary>Items waiting or running before a caller waits for room: each holds a model or data view alive.</summary>
    public const int Capacity = 32;

    private readonly object gate = new();
    // Items are a class, not a value tuple: a queue over a reference type runs the framework's precompiled shared code,
    // where one over a tuple is JIT-compiled on the program's thread at its first hooked call.
    private readonly Queue<WorkItem> queue = new();
    private readonly SemaphoreSlim room = new(Capacity, Capacity);
    private readonly Action<string, Exception> failed;
    private readonly Action? doneWhileClosing;
    private readonly BackgroundStart start;
    private TaskCompletionSource idle = Completed();
    private string? running;
    private int workerThread;
    private bool closed;

    /// <param name="failed">Called on the worker with the logger's name when its work throws.</param>
    /// <param name="doneWhileClosing">Called on the worker after each item that finished once <see cref="Close"/> was
    /// called: the run is ending, so what the item logged can be sent while the next one runs.</param>
    /// <param name="start">When work may begin; null: at once.</param>
    public RunWorker(Action<string, Exception> failed, Action? doneWhileClosing = null, BackgroundStart? start = null)
    {
        this.failed = failed;
        this.doneWhileClosing = doneWhileClosing;
        this.start = start ?? new BackgroundStart(TimeSpan.Zero);
    }

    /// <summary>True on the worker's own thread, while it runs an item.</summary>
    public bool OnWorkerThread => Volatile.Read(ref workerThread) == Environment.CurrentManagedThreadId;

    /// <summary>
    /// Queues <paramref name="work"/> of the logger <paramref name="logger"/>, waiting while the queue is full; false
    /// (nothing queued) once <see cref="Close"/> was called: the caller then runs the work itself.
    /// </summary>
    public bool TryPost(string logger, Action work)
    {
        if (OnWorkerThread)
        {
            // Work handing over more work would wait for room only it can make: run it in place, in order.
            Run(logger, work);
            return true;
        }

        if (room.CurrentCount <= 1)
        {
            // The last free place: holding work back any longer would make the caller wait for it.
            start.Open();
        }

        room.Wait();
        lock (gate)
        {
            if (closed)
            {
                room.Release();
                return false;
            }

            queue.Enqueue(new WorkItem(logger, work));
            if (idle.Task.IsCompleted)
            {
                idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _ = start.IsOpen
                    ? Task.Run(Drain)
                    : start.Opened.ContinueWith(_ => Drain(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }

        return true;
    }

    /// <summary>
    /// Takes no more work and waits until everything handed over ran; false when <paramref name="timeout"/> passed
    /// first (the rest still runs, late).
    /// </summary>
    public bool Close(TimeSpan timeout)
    {
        Task task;
        lock (gate)
        {
            Volatile.Write(ref closed, true);
            task = idle.Task;
        }

        start.Open();

        if (!task.IsCompleted && doneWhileClosing is not null)
        {
            // What the items that already ran logged can go out while the rest runs.
            Run("worker", doneWhileClosing);
        }

        return task.Wait(timeout);
    }

    /// <summary>The loggers whose work has not run yet (the running one first), for the report of a cut wait.</summary>
    public IReadOnlyList<string> Unfinished()
    {
        lock (gate)
        {
            var unfinished = new List<string>(queue.Count + 1);
            if (running is not null)
            {
                unfinished.Add(running);
            }

            unfinished.AddRange(queue.Select(item => item.Logger));
            return unfinished;
        }
    }

    private void Drain()
    {
        Volatile.Write(ref workerThread, Environment.CurrentManagedThreadId);
        while (true)
        {
            WorkItem? item;
            lock (gate)
            {
                if (!queue.TryDequeue(out item))
                {
                    // Under the lock: a Post after this starts the next drain, which marks its own thread.
                    Volatile.Write(ref workerThread, 0);
                    running = null;
                    idle.TrySetResult();
                    return;
                }

                running = item.Logger;
            }

            Run(item.Logger, item.Work);
            room.Release();
            if (doneWhileClosing is not null && Volatile.Read(ref closed))
            {
                Run(item.Logger, doneWhileClosing);
            }
        }
    }

    private void Run(string logger, Action work)
    {
        try
        {
            work();
        }
        catch (Exception e)
        {
            try
            {
                failed(logger, e);
            }
            catch (Exception)
            {
                // Reporting a failure must not stop the worker: later items still run and the run's end still waits.
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }

    private sealed class WorkItem(string logger, Action work)
    {
        public string Logger { get; } = logger;

        public Action Work { get; } = work;
    }
}
