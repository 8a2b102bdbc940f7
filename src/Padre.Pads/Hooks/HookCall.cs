using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.Hooks;

/// <summary>
/// One hooked call in flight: its site, receiver, live arguments (aligned with
/// <see cref="InterceptionSite.Parameters"/>), and after it returns its result, metrics and duration.
/// Generated code creates it through <see cref="Interception.Begin"/>; event loggers read it.
/// </summary>
public sealed class HookCall
{
    private readonly object?[] _arguments;
    private readonly IRunScope? _ownRun;
    private readonly long _started;
    private readonly ProcessCost _costAtStart;
    private List<MetricValue>? _metrics;
    private List<MetricMatrix>? _matrices;
    private int _done;

    internal HookCall(InterceptionSite site, object? receiver, object?[] arguments, IRunWriter run, IRunScope? ownRun)
    {
        Site = site;
        Receiver = receiver;
        _arguments = arguments;
        Run = run;
        _ownRun = ownRun;
        _costAtStart = ProcessCost.Now();
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>The call site.</summary>
    public InterceptionSite Site { get; }

    /// <summary>The object the method was called on (the extended object for extension methods), if any.</summary>
    public object? Receiver { get; }

    /// <summary>The live arguments, defaults the caller did not write included.</summary>
    public IReadOnlyList<object?> Arguments => _arguments;

    /// <summary>The run the call is recorded into.</summary>
    public IRunWriter Run { get; }

    /// <summary>What the call returned (null for void or before it returned).</summary>
    public object? Result { get; private set; }

    /// <summary>What the call threw, if it failed.</summary>
    public Exception? Exception { get; private set; }

    /// <summary>How long the call took.</summary>
    public TimeSpan Elapsed { get; private set; }

    /// <summary>CPU time the whole process spent during the call (all threads: trainers run in parallel).</summary>
    public TimeSpan CpuTime { get; private set; }

    /// <summary>Managed bytes the whole process allocated during the call.</summary>
    public long AllocatedBytes { get; private set; }

    /// <summary>The numeric results generated code read from the result.</summary>
    public IReadOnlyList<MetricValue> Metrics => (IReadOnlyList<MetricValue>?)_metrics ?? [];

    /// <summary>The matrices (confusion matrices) read from the result.</summary>
    public IReadOnlyList<MetricMatrix> Matrices => (IReadOnlyList<MetricMatrix>?)_matrices ?? [];

    /// <summary>The argument of the parameter named <paramref name="name"/>, or null.</summary>
    public object? Argument(string name)
    {
        for (var i = 0; i < Site.Parameters.Count && i < _arguments.Length; i++)
        {
            if (Site.Parameters[i].Name == name)
            {
                return _arguments[i];
            }
        }

        return null;
    }

    /// <summary>Adds a numeric result (generated code).</summary>
    public void Metric(string name, double value, long step) => (_metrics ??= []).Add(new MetricValue(name, value, step));

    /// <summary>Adds a per-class list as <c>name.0</c>, <c>name.1</c>, ... (generated code).</summary>
    public void MetricSeries(string name, IReadOnlyList<double>? values, long step)
    {
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            Metric(name + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture), values[i], step);
        }
    }

    /// <inheritdoc cref="MetricSeries(string, IReadOnlyList{double}?, long)"/>
    public void MetricSeries(string name, IReadOnlyList<float>? values, long step)
    {
        for (var i = 0; values is not null && i < values.Count; i++)
        {
            Metric(name + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture), values[i], step);
        }
    }

    /// <summary>Adds a matrix, e.g. a confusion matrix's counts (generated code).</summary>
    public void MetricMatrix(string name, IReadOnlyList<IReadOnlyList<double>>? rows, long step)
    {
        if (rows is not null)
        {
            (_matrices ??= []).Add(new MetricMatrix(name, rows, step));
        }
    }

    /// <summary>
    /// Hands the heavy part of <paramref name="logger"/>'s work for this call (saving a model, scanning data, building
    /// tables) to the run's background worker, so the user's call returns now. Handed-over work runs in order, one item
    /// at a time; the run's end waits for it (bounded by <c>PADRE_FLUSH_TIMEOUT_MS</c>; the tag <c>padre.background.cut</c>
    /// says when that was not enough). Take everything that may change afterwards (counters, the state of mutable
    /// arguments, data the program can still modify) before calling this: the work may only read what stays as it is.
    /// An exception becomes the tag <c>padre.logger.&lt;name&gt;.error</c>. When the writer is not a run of the tracker
    /// (a test's writer, a custom one) or the run has ended, the work runs now, on the caller's thread.
    /// </summary>
    public void InBackground(IEventLogger logger, Action work)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(work);
        if (Run is global::Padre.Pads.Run run && run.InBackground(logger.Name, work))
        {
            return;
        }

        try
        {
            work();
        }
        catch (Exception e)
        {
            LoggerFailure.Record(Run, logger.Name, e);
        }
    }

    /// <summary>The call returned <paramref name="result"/>: loggers record it; an experiment's run ends.</summary>
    public void Complete(object? result)
    {
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return;
        }

        Measure();
        Result = result;
        if (_ownRun is not null && result is Task { IsCompleted: false } task)
        {
            // An async experiment ends when its task does, not when it returns the task.
            _ = task.ContinueWith(static (t, state) => ((HookCall)state!).Finish(t.Exception?.GetBaseException()), this, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return;
        }

        Finish(null);
    }

    /// <summary>
    /// The call returned a task whose value <paramref name="read"/> turns into metrics (generated code, async metric
    /// methods): the call is recorded when the task completes, with the task's duration; a faulted task is a failure.
    /// The caller gets a task that completes the same way as <paramref name="task"/>, but only once the call is
    /// recorded, so code that awaits it sees the metric (or the failure) already logged.
    /// </summary>
    [return: NotNullIfNotNull(nameof(task))]
    public Task<T>? Complete<T>(Task<T>? task, Action<HookCall, T> read) =>
        After(task, (call, t) =>
        {
            if (t.IsCompletedSuccessfully)
            {
                try
                {
                    read(call, t.Result);
                }
                catch (Exception e)
                {
                    LoggerFailure.Record(call.Run, "metric", e);
                }
            }

            call.Settle(t, t);
        });

    /// <summary>
    /// The call returned <paramref name="task"/> (generated code, methods returning <c>Task</c>): the call is recorded,
    /// with the task's duration, when the task completes (a faulted or canceled task is a failure), and an experiment's
    /// run ends then. The caller gets a task that completes the same way, but only once that is done, so code that waits
    /// for it, even by blocking, finds the call recorded and the experiment's run ended.
    /// </summary>
    [return: NotNullIfNotNull(nameof(task))]
    public Task? CompleteAsync(Task? task) => After(task, static (call, t) => call.Settle(t, null));

    /// <summary>As <see cref="CompleteAsync(Task)"/>; the loggers see the task's value as the call's result.</summary>
    [return: NotNullIfNotNull(nameof(task))]
    public Task<T>? CompleteAsync<T>(Task<T>? task) =>
        After(task, static (call, t) => call.Settle(t, t.IsCompletedSuccessfully ? t.Result : null));

    // The task handed back to the caller: it completes as the user's did, value, exceptions and cancellation alike, but
    // only after settle recorded the call. No task (a method that returned null) is recorded at once.
    [return: NotNullIfNotNull(nameof(task))]
    private Task? After(Task? task, Action<HookCall, Task> settle)
    {
        if (task is null)
        {
            Complete(null);
            return null;
        }

        return task.ContinueWith(
            static (t, state) =>
            {
                var (call, settle) = ((HookCall, Action<HookCall, Task>))state!;
                settle(call, t);
                return t;
            },
            (this, settle),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).Unwrap();
    }

    [return: NotNullIfNotNull(nameof(task))]
    private Task<T>? After<T>(Task<T>? task, Action<HookCall, Task<T>> settle)
    {
        if (task is null)
        {
            Complete(null);
            return null;
        }

        return task.ContinueWith(
            static (t, state) =>
            {
                var (call, settle) = ((HookCall, Action<HookCall, Task<T>>))state!;
                settle(call, t);
                return t;
            },
            (this, settle),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).Unwrap();
    }

    /// <summary>The call threw <paramref name="exception"/>: the failure is recorded; the exception still reaches the caller.</summary>
    public void Fail(Exception exception)
    {
        if (Interlocked.Exchange(ref _done, 1) != 0)
        {
            return;
        }

        Measure();
        Finish(exception);
    }

    // The task completed: a success is the call's completion with value as its result, anything else its failure.
    private void Settle(Task task, object? value)
    {
        if (task.IsCompletedSuccessfully)
        {
            Complete(value);
        }
        else
        {
            Fail(task.Exception?.GetBaseException() ?? new TaskCanceledException(task));
        }
    }

    private void Measure()
    {
        Elapsed = Stopwatch.GetElapsedTime(_started);
        var cost = ProcessCost.Now() - _costAtStart;
        CpuTime = cost.CpuTime;
        AllocatedBytes = cost.AllocatedBytes;
    }

    private void Finish(Exception? exception)
    {
        Exception = exception;
        if (exception is not null)
        {
            Run.SetTag("padre.error." + Site.Step, exception.GetType().FullName + ": " + exception.Message);
        }
        else
        {
            Dispatch(EventLoggers.Snapshot);
            if (Site.Dataset is { } dataset && Result is not null)
            {
                DatasetIdentity.Remember(Result, dataset);
            }
        }

        _ownRun?.End(exception is null ? RunStatus.Finished : RunStatus.Failed);
    }

    /// <summary>
    /// Completes a made-up call (<see cref="HookRehearsal"/>) through <paramref name="loggers"/> only: not the registered
    /// loggers, which must never see it, and no dataset or run is touched.
    /// </summary>
    internal void Rehearse(object? result, IEventLogger[] loggers)
    {
        Measure();
        Result = result;
        Dispatch(loggers);
    }

    private void Dispatch(IEventLogger[] loggers)
    {
        foreach (var logger in loggers)
        {
            if ((logger.Events & Site.Events) == 0)
            {
                continue;
            }

            try
            {
                logger.OnCall(this, Run);
            }
            catch (Exception e)
            {
                LoggerFailure.Record(Run, logger.Name, e);
            }
        }
    }
}

/// <summary>One numeric result of a call.</summary>
/// <param name="Name">Metric name (the result member, e.g. <c>MacroAccuracy</c>).</param>
/// <param name="Value">The value.</param>
/// <param name="Step">0, or the fold of a cross-validation.</param>
public readonly record struct MetricValue(string Name, double Value, long Step);

/// <summary>A matrix read from a call's result (confusion matrix counts).</summary>
/// <param name="Name">Member path, e.g. <c>ConfusionMatrix.Counts</c>.</param>
/// <param name="Rows">The rows.</param>
/// <param name="Step">0, or the fold of a cross-validation.</param>
public sealed record MetricMatrix(string Name, IReadOnlyList<IReadOnlyList<double>> Rows, long Step);
