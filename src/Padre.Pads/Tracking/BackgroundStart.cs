using System.Diagnostics;

namespace Padre.Pads.Tracking;

/// <summary>
/// When a session's background work may begin: the exporter's first write to the store, the run loggers that read the
/// machine, the repository and the files, and the runs' background workers (model saves, dataset scans). They hold back
/// for <see cref="Configuration.TrackingOptions.BackgroundDelay"/> after the session started, because on a small
/// machine that work, and the JIT compiling it brings, competes with the program's own start-up and training for the
/// cores and the runtime's locks. The wait ends early, and for good, as soon as the work is needed: a run ends, a flush
/// or sync is asked for, a queue reaches half its bound, or the session closes. Nothing is dropped while it waits: the
/// records reach the spool every flush interval, and the models and views wait in the runs' bounded workers.
/// </summary>
/// <remarks>
/// After OpenTelemetry's batch export processor, whose first export also waits for its scheduled delay. A program that
/// trains for less than the delay pays tracking's background work when its run ends, after training; a longer one pays
/// it once, spread over the rest of the run.
/// </remarks>
internal sealed class BackgroundStart
{
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly TimeSpan delay;

    /// <param name="delay">How long the work holds back; zero or less: it may begin at once.</param>
    /// <remarks>No timer of its own: the exporter's loop, which wakes at least every flush interval while it holds back,
    /// opens it when <see cref="Remaining"/> reaches zero. A timer here would be the process's first, made on the
    /// program's thread at its first hooked call (1-2 ms).</remarks>
    public BackgroundStart(TimeSpan delay)
    {
        this.delay = delay;
        if (delay <= TimeSpan.Zero)
        {
            opened.SetResult();
        }
    }

    /// <summary>True once background work may run.</summary>
    public bool IsOpen => opened.Task.IsCompleted;

    /// <summary>Completes when background work may run; its continuations run on the thread pool, never on the opener's thread.</summary>
    public Task Opened => opened.Task;

    /// <summary>How much of the delay is left (zero once it passed, whether or not it was opened).</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = delay - Stopwatch.GetElapsedTime(started);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Lets background work begin now (idempotent, cheap once open).</summary>
    public void Open() => opened.TrySetResult();

    /// <summary>Opens when the delay has passed.</summary>
    public void OpenIfDue()
    {
        if (Remaining == TimeSpan.Zero)
        {
            Open();
        }
    }
}
