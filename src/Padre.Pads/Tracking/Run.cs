using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Padre.Pads.Export;
using Padre.Pads.Loggers;
using Padre.Pads.Loggers.Run;
using Padre.Pads.Stores;
using Padre.Pads.Tracking;

namespace Padre.Pads;

/// <summary>
/// One MLflow run, as a scope: started by <see cref="Tracker.StartRun"/>, ended by <see cref="End"/>,
/// <see cref="Fail"/> or <see cref="Dispose"/>. Every logging call validates cheaply and enqueues; none waits
/// on I/O, none throws for a bad key or value (it is corrected and reported).
/// </summary>
/// <remarks>
/// <para><b>Status on <see cref="Dispose"/></b>: FINISHED, unless <see cref="Dispose"/> runs while an exception
/// is unwinding the stack through the <c>using</c> scope (detected with <see cref="Marshal.GetExceptionPointers"/>,
/// which is exact for <c>using</c> blocks and <c>using</c> declarations in synchronous and async methods on
/// .NET 8+ on Windows, Linux and macOS); then FAILED. An exception caught inside the scope does not fail the run.
/// <c>await using</c> is lowered by the compiler into a catch-then-dispose, so <see cref="DisposeAsync"/> cannot see
/// the exception in flight; it ends FAILED when an exception was thrown in the run's async flow after the run's last
/// logging call (an exception caught inside the scope and not followed by any logging call counts too).
/// For the exact form, use <see cref="Tracker.Run(string?, Action{Run})"/>/<see cref="Tracker.RunAsync(string?, Func{Run, Task})"/>,
/// or call <see cref="Fail"/> yourself.</para>
/// <para>Ending a run flushes when it is a top-level run, bounded by <c>PADRE_FLUSH_TIMEOUT_MS</c>: until the store
/// confirmed its records or, when the store is away, until they are in the spool.</para>
/// </remarks>
public sealed class Run : IRunWriter, IDisposable, IAsyncDisposable
{
    private readonly TrackingSession? session;
    private readonly Dictionary<string, string> parameters = new(StringComparer.Ordinal);
    private readonly object gate = new();
    private Task? loggersStarted;
    private RunWorker? worker;
    private int ended;

    internal Run(TrackingSession? session, string id, string name, string? experimentName, Run? parent)
    {
        this.session = session;
        Id = id;
        Name = name;
        ExperimentName = experimentName;
        Parent = parent;
    }

    /// <summary>The run's local id (32 lowercase hex). Local stores use it as the MLflow run id; a tracking server assigns its own.</summary>
    public string Id { get; }

    /// <inheritdoc/>
    public string RunId => Id;

    /// <summary>The run name (tag <c>mlflow.runName</c>).</summary>
    public string Name { get; }

    /// <summary>The name of the run's experiment (given, inherited from the parent, or <c>MLFLOW_EXPERIMENT_NAME</c>); null when it is chosen by id or is MLflow's <c>Default</c>.</summary>
    public string? ExperimentName { get; }

    /// <summary>The experiment id when it was given (<c>MLFLOW_EXPERIMENT_ID</c>), else null (resolved by name in the background).</summary>
    internal string? ExperimentId { get; init; }

    /// <summary>The enclosing run for a nested run, else null.</summary>
    public Run? Parent { get; }

    /// <summary>RUNNING until the run ends, then how it ended.</summary>
    public RunStatus Status { get; private set; } = RunStatus.Running;

    /// <summary>True once the run ended.</summary>
    public bool IsEnded => Volatile.Read(ref ended) != 0;

    internal Exception? LastException { get; set; }

    internal bool IsTopLevel => Parent is null;

    /// <inheritdoc/>
    public void LogParam(string key, string? value)
    {
        if (session is null)
        {
            return;
        }

        Touched();

        var k = session.Keys.Key(key, "param");
        var v = session.Keys.ParamValue(k, value);
        lock (gate)
        {
            if (parameters.TryGetValue(k, out var existing))
            {
                if (!string.Equals(existing, v, StringComparison.Ordinal))
                {
                    session.Reporter.Warn("Param {Key} of run {RunName} was already logged as {OldValue}; MLflow params cannot change, so {NewValue} is ignored. Log it as a metric or tag if it varies.", k, Name, existing, v);
                }

                return;
            }

            parameters[k] = v;
        }

        session.Submit(new ExportRecord(RecordKind.Param, Id, k, v));
    }

    /// <inheritdoc/>
    public void LogMetric(string key, double value, long step = 0, long? timestampMs = null)
    {
        if (session is null)
        {
            return;
        }

        Touched();

        session.Submit(new ExportRecord(RecordKind.Metric, Id, session.Keys.Key(key, "metric"), null, value, step, timestampMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    }

    /// <inheritdoc/>
    public void SetTag(string key, string? value)
    {
        if (session is null)
        {
            return;
        }

        Touched();

        var k = session.Keys.Key(key, "tag");
        session.Submit(new ExportRecord(RecordKind.Tag, Id, k, session.Keys.TagValue(k, value)));
    }

    /// <inheritdoc/>
    public void LogInput(DatasetInput input)
    {
        if (session is null)
        {
            return;
        }

        if (input?.Dataset is null)
        {
            session.Reporter.Warn("A dataset input without a dataset was logged to run {RunName}; it is ignored.", Name);
            return;
        }

        session.Submit(new ExportRecord(RecordKind.Input, Id, input.Dataset.Name, payload: input));
    }

    /// <inheritdoc/>
    public void LogArtifact(string localPath, string? artifactPath = null)
    {
        if (session is null)
        {
            return;
        }

        if (string.IsNullOrEmpty(localPath))
        {
            session.Reporter.Warn("An artifact without a path was logged to run {RunName}; it is ignored.", Name);
            return;
        }

        session.SubmitArtifact(this, Path.GetFullPath(localPath), artifactPath);
    }

    /// <inheritdoc/>
    public void LogText(string text, string artifactFile)
    {
        if (session is null)
        {
            return;
        }

        if (ArtifactFileProblem(artifactFile) is { } problem)
        {
            session.Reporter.Warn("Text artifact {ArtifactFile} of run {RunName} is ignored: {Problem}", artifactFile, Name, problem);
            return;
        }

        session.Submit(new ExportRecord(RecordKind.ArtifactContent, Id, artifactFile.Replace('\\', '/'), text ?? string.Empty));
    }

    /// <summary>Writes JSON as an artifact file (indented UTF-8), e.g. <c>"metrics/confusion_matrix.json"</c>. AOT-safe.</summary>
    public void LogJson(JsonNode json, string artifactFile)
    {
        if (session is null)
        {
            return;
        }

        // Serialised now: the caller may change the node after this returns.
        LogText(json?.ToJsonString(IndentedJson) ?? "null", artifactFile);
    }

    /// <summary>Ends the run with <paramref name="status"/> (FINISHED by default). Ending twice is a no-op.</summary>
    public void End(RunStatus status = RunStatus.Finished)
    {
        if (!BeginEnd(status))
        {
            return;
        }

        var flush = session!.CompleteEnd(this, status);
        flush?.GetAwaiter().GetResult();
    }

    /// <summary>Ends the run FAILED; the exception's type and message go to tag <c>padre.error</c>.</summary>
    public void Fail(Exception? exception = null)
    {
        if (exception is not null && !IsEnded)
        {
            SetTag("padre.error", $"{exception.GetType().FullName}: {exception.Message}");
        }

        End(RunStatus.Failed);
    }

    /// <summary>Ends the run: FAILED when an exception is unwinding through the scope, else FINISHED (see remarks).</summary>
    public void Dispose()
    {
        if (IsEnded)
        {
            return;
        }

        if (ExceptionInFlight())
        {
            Fail(LastException);
        }
        else
        {
            End(RunStatus.Finished);
        }
    }

    /// <summary>As <see cref="Dispose"/>, awaiting the bounded flush instead of blocking.</summary>
    public async ValueTask DisposeAsync()
    {
        if (IsEnded)
        {
            return;
        }

        var failed = ExceptionInFlight() || LastException is not null;
        if (failed && LastException is { } e)
        {
            SetTag("padre.error", $"{e.GetType().FullName}: {e.Message}");
        }

        var status = failed ? RunStatus.Failed : RunStatus.Finished;
        if (!BeginEnd(status))
        {
            return;
        }

        if (session!.CompleteEnd(this, status) is { } flush)
        {
            await flush.ConfigureAwait(false);
        }
    }

    /// <summary>The run's name and id.</summary>
    public override string ToString() => $"{Name} ({Id})";

    /// <summary>
    /// Runs <paramref name="work"/> of the event logger <paramref name="logger"/> on this run's background worker
    /// (<see cref="RunWorker"/>, created on first use); false when the run has ended or its worker closed, and the
    /// caller must run it. A failure becomes the tag <c>padre.logger.&lt;logger&gt;.error</c>. Not tracked: dropped.
    /// </summary>
    internal bool InBackground(string logger, Action work)
    {
        if (session is null)
        {
            return true;
        }

        RunWorker current;
        lock (gate)
        {
            if (IsEnded && worker is null)
            {
                return false;
            }

            // While the run ends, the exporter is woken after each item: a saved model is copied into the store while
            // the next scan runs, instead of everything waiting for the flush after the last item.
            current = worker ??= new RunWorker(
                (name, e) => LoggerFailure.Record(this, name, e),
                session.WakeExporter,
                session.Background);
        }

        return current.TryPost(logger, work);
    }

    /// <summary>
    /// The run's end: waits up to <paramref name="timeout"/> for the work handed to the background worker; when cut, the
    /// tag <c>padre.background.cut</c> names what had not finished (its records may arrive late or be missing).
    /// </summary>
    internal void CloseWorker(TimeSpan timeout)
    {
        RunWorker? current;
        lock (gate)
        {
            current = worker;
        }

        if (current is null || current.Close(timeout))
        {
            return;
        }

        var unfinished = current.Unfinished();
        session?.Reporter.Warn("Background work of run {RunName} ({Loggers}) did not finish within {Timeout} ms; the run ends without waiting for it.", Name, string.Join(", ", unfinished), (int)timeout.TotalMilliseconds);
        SetTag("padre.background.cut", $"{unfinished.Count} event logger task(s) had not finished {(int)timeout.TotalMilliseconds} ms after the run's end began ({string.Join(", ", unfinished)}); their records may be missing. Raise PADRE_FLUSH_TIMEOUT_MS to wait longer.");
    }

    /// <summary>
    /// Starts the run loggers off the caller's thread: those that mark the run's start moment at once, the others
    /// (which read the machine, the repository and the files) when the session's background work may begin.
    /// </summary>
    internal void StartLoggers(IReadOnlyList<IRunLogger> loggers, BackgroundStart background)
    {
        if (loggers.Count > 0)
        {
            loggersStarted = Tracker.Pool.Run(async () =>
            {
                foreach (var logger in loggers.Where(StartsWithRun))
                {
                    Guard(logger, () => logger.OnRunStarted(this));
                }

                await background.Opened.ConfigureAwait(false);
                foreach (var logger in loggers.Where(l => !StartsWithRun(l)))
                {
                    Guard(logger, () => logger.OnRunStarted(this));
                }
            });
        }
    }

    private static bool StartsWithRun(IRunLogger logger) => logger is DeferredRunLogger { StartsWithRun: true };

    /// <summary>
    /// Begins the run loggers' end off the caller's thread (after their start, which may still be running); wait for it
    /// with <see cref="WaitForLoggers"/>. Null when no run logger started.
    /// </summary>
    internal Task? BeginEndingLoggers(IReadOnlyList<IRunLogger> loggers, RunStatus status)
    {
        if (loggersStarted is not { } started)
        {
            return null;
        }

        return Task.Run(async () =>
        {
            await started.ConfigureAwait(false);
            foreach (var logger in loggers)
            {
                Guard(logger, () => logger.OnRunEnding(this, status));
            }
        });
    }

    /// <summary>Waits, bounded by <paramref name="timeout"/>, for what <see cref="BeginEndingLoggers"/> began.</summary>
    internal void WaitForLoggers(Task? ending, TimeSpan timeout)
    {
        if (ending is not null && !ending.Wait(timeout))
        {
            session?.Reporter.Warn("Run loggers of run {RunName} did not finish within {Timeout} ms; the run ends without waiting for them.", Name, (int)timeout.TotalMilliseconds);
        }
    }

    private void Guard(IRunLogger logger, Action call)
    {
        try
        {
            call();
        }
        catch (Exception e)
        {
            session?.Reporter.Warn(e, "Run logger {Logger} failed on run {RunName}: {Reason}", logger.Name, Name, e.Message);
            LoggerFailure.Record(this, logger.Name, e);
        }
    }

    // A logging call of the user's flow clears the exception marker DisposeAsync reads; one made by the background
    // worker is no sign that the user's flow went on after an exception, so it leaves the marker.
    private void Touched()
    {
        if (Volatile.Read(ref worker) is not { OnWorkerThread: true })
        {
            LastException = null;
        }
    }

    private bool BeginEnd(RunStatus status)
    {
        if (session is null || Interlocked.Exchange(ref ended, 1) != 0)
        {
            return false;
        }

        Status = status;
        return true;
    }

    private static bool ExceptionInFlight()
    {
        try
        {
            return Marshal.GetExceptionPointers() != IntPtr.Zero;
        }
        catch (PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static string? ArtifactFileProblem(string? artifactFile)
    {
        if (string.IsNullOrWhiteSpace(artifactFile))
        {
            return "the artifact file name is empty; pass a relative path such as \"pipeline/structure.txt\".";
        }

        var path = artifactFile.Replace('\\', '/');
        if (path.StartsWith('/') || path.Split('/').Any(s => s is ".." or "") || path.EndsWith('/'))
        {
            return "the artifact file must be a relative path without '..' or empty parts, such as \"pipeline/structure.txt\".";
        }

        return null;
    }

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };
}
