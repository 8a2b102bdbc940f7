using System.Collections.Concurrent;
using System.Reflection;
using Padre.Pads.Configuration;
using Padre.Pads.Export;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.Tracking;

/// <summary>
/// Everything one configuration of tracking owns: the current run per async flow, the open runs, the
/// autostarted run, run loggers, and the exporter with its spool. <see cref="Tracker"/> holds one; tests make their own.
/// </summary>
internal sealed class TrackingSession : IAsyncDisposable
{
    private readonly AsyncLocal<Run?> current = new();
    // Run → itself: a reference-type value keeps to the framework's precompiled shared code (a byte value is
    // JIT-compiled on the program's thread at its first run).
    private readonly ConcurrentDictionary<Run, Run> openRuns = new();
    private readonly List<IRunLogger> loggers = [];
    private readonly object gate = new();
    private readonly Exporter? exporter;
    private int readInPlaceReported;
    private readonly bool watchProcessEnd;
    private readonly bool startExporter;
    private ProcessEndWatcher? processEnd;
    private int started;
    private Run? autoRun;
    private string? attachRunId;
    private int closed;
    private int lateRecordReported;

    /// <param name="options">The options.</param>
    /// <param name="watchProcessEnd">True for the process's session: open runs end when the process does.</param>
    /// <param name="startExporter">False only for benchmarks that measure the caller's side alone.</param>
    /// <param name="deferStart">True: nothing outside the session changes (no report, no handler, no exporter loop, no
    /// spool file) until <see cref="Start"/>, so a session prepared ahead of its first use can be dropped unused.</param>
    public TrackingSession(TrackingOptions options, bool watchProcessEnd = false, bool startExporter = true, bool deferStart = false)
    {
        Options = options;
        Reporter = new Reporter();
        Keys = new KeyPolicy(Reporter);
        Background = new BackgroundStart(options.Disabled ? TimeSpan.Zero : options.BackgroundDelay);
        this.watchProcessEnd = watchProcessEnd;
        this.startExporter = startExporter;
        if (options.Disabled)
        {
            return;
        }

        attachRunId = options.RunId;
        exporter = new Exporter(options, Reporter, Background, startLoop: false);
        if (!deferStart)
        {
            Start();
        }
    }

    /// <summary>
    /// Starts what reaches outside the session (once): the configuration's problems are reported, the exporter's loop
    /// starts (it opens the spool first), and the process's end and exceptions are watched.
    /// </summary>
    public void Start()
    {
        if (exporter is null || Interlocked.Exchange(ref started, 1) != 0)
        {
            return;
        }

        foreach (var problem in Options.Problems)
        {
            Reporter.Warn("Configuration: {Problem}", problem);
        }

        if (startExporter)
        {
            exporter.Start();
        }

        AppDomain.CurrentDomain.FirstChanceException += OnFirstChance;
        if (watchProcessEnd)
        {
            processEnd = new ProcessEndWatcher(this);
        }
    }

    public TrackingOptions Options { get; }

    public Reporter Reporter { get; }

    public KeyPolicy Keys { get; }

    /// <summary>When this session's background work may begin (open at once for a disabled session).</summary>
    public BackgroundStart Background { get; }

    /// <summary>True when nothing is recorded: <c>PADRE_DISABLED=true</c>, or no spool directory was writable.</summary>
    public bool Disabled => exporter is null || exporter.SpoolUnwritable;

    /// <summary>True once the process end is watched with its signal handlers (sessions made with <c>watchProcessEnd</c>).</summary>
    internal bool ProcessEndWatched => processEnd?.SignalsRegistered.IsCompleted == true;

    internal Exporter Exporter => exporter ?? throw new InvalidOperationException("Tracking is disabled (PADRE_DISABLED=true).");

    /// <summary>The run of this async flow, else the autostarted run, when open.</summary>
    public Run? ActiveRun => OpenOrNull(current.Value) ?? OpenOrNull(autoRun);

    public void AddRunLogger(IRunLogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        if (Options.DisabledLoggers.Contains(logger.Name) || Options.DisabledLoggers.Contains("all"))
        {
            return;
        }

        lock (loggers)
        {
            loggers.Add(logger);
        }
    }

    public Run StartRun(string? runName, string? experimentName, IReadOnlyDictionary<string, string>? tags)
    {
        if (exporter is null)
        {
            return new Run(null, new string('0', 32), runName ?? "disabled", experimentName, null);
        }

        var parent = OpenOrNull(current.Value);
        var run = Create(runName, experimentName, tags, parent);
        current.Value = run;
        return run;
    }

    public Run ActiveOrAutoStartedRun()
    {
        if (ActiveRun is { } active)
        {
            return active;
        }

        if (exporter is null || !Options.Autostart)
        {
            // Nothing is recorded, but hooks still get a writer to call.
            return new Run(null, new string('0', 32), "not-tracked", null, null);
        }

        lock (gate)
        {
            if (OpenOrNull(autoRun) is { } auto)
            {
                return auto;
            }

            var run = Create(null, null, null, null);
            run.SetTag("padre.autostarted", "true");
            autoRun = run;
            return run;
        }
    }

    public void Submit(in ExportRecord record)
    {
        if (Volatile.Read(ref closed) != 0)
        {
            if (Interlocked.Exchange(ref lateRecordReported, 1) == 0)
            {
                Reporter.Warn("A {Kind} for run {RunId} was logged after tracking was closed (process exit or Tracker.Configure); it and later ones are not recorded.", record.Kind, record.RunId);
            }

            return;
        }

        exporter!.Submit(record);
    }

    /// <summary>
    /// Records a local file or directory as an artifact: copied now (<see cref="ArtifactSnapshots"/>) so later changes
    /// to it do not reach the run; too large or unreadable ones are read when uploaded, and that is reported once.
    /// </summary>
    internal void SubmitArtifact(Run run, string fullPath, string? artifactPath)
    {
        if (Volatile.Read(ref closed) != 0)
        {
            Submit(new ExportRecord(RecordKind.ArtifactPath, run.Id, artifactPath, fullPath)); // reports the late record
            return;
        }

        if (exporter!.Snapshots is not { } snapshots)
        {
            return; // no spool directory is writable: tracking is off, as reported then
        }

        if (snapshots.TryTake(fullPath, out var why) is { } snapshot)
        {
            Submit(new ExportRecord(RecordKind.ArtifactSnapshot, run.Id, artifactPath, snapshot));
            return;
        }

        if (!File.Exists(fullPath) && !Directory.Exists(fullPath))
        {
            Reporter.Warn("Artifact {Path} logged to run {RunName} does not exist; it is ignored.", fullPath, run.Name);
            return;
        }

        if (Interlocked.Exchange(ref readInPlaceReported, 1) == 0)
        {
            Reporter.Warn("Artifact {Path} of run {RunName} is read when it is uploaded, not copied now: {Reason}. Changing it before the upload changes what is recorded (reported once).", fullPath, run.Name, why);
        }

        Submit(new ExportRecord(RecordKind.ArtifactPath, run.Id, artifactPath, fullPath));
    }

    /// <summary>Second half of ending a run (after its status is set): background work, loggers, the end record, the flow's current run, a bounded flush.</summary>
    internal Task? CompleteEnd(Run run, RunStatus status)
    {
        // The run ended now, for the user; what tracking still does for it below does not lengthen it.
        var endedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        // What was held back for the program's start-up is needed now: the end waits for it.
        Background.Open();
        // The run loggers' end (machine, console, cost) and the event loggers' background work (model saves, dataset
        // scans) do not depend on each other: both run at once, and the run's end holds both.
        Task? loggersEnding = null;
        if (run.IsTopLevel)
        {
            IRunLogger[] snapshot;
            lock (loggers)
            {
                snapshot = [.. loggers];
            }

            loggersEnding = run.BeginEndingLoggers(snapshot, status);
        }

        run.CloseWorker(Options.FlushTimeout);
        run.WaitForLoggers(loggersEnding, Options.FlushTimeout);
        Submit(new ExportRecord(RecordKind.EndRun, run.Id, null, step: (long)status, timestamp: endedAt));
        openRuns.TryRemove(run, out _);
        if (ReferenceEquals(current.Value, run))
        {
            var parent = run.Parent;
            while (parent is { IsEnded: true })
            {
                parent = parent.Parent;
            }

            current.Value = parent;
        }

        return run.IsTopLevel && Volatile.Read(ref closed) == 0
            ? exporter!.FlushAsync(Options.FlushTimeout, requireSent: false)
            : null;
    }

    /// <summary>Ends every open run (innermost first) with <paramref name="status"/>.</summary>
    internal void EndOpenRuns(RunStatus status)
    {
        foreach (var run in openRuns.Keys.OrderByDescending(Depth))
        {
            run.End(status);
        }
    }

    /// <summary>Lets the exporter send what is queued now rather than at its next interval.</summary>
    internal void WakeExporter() => exporter?.Wake();

    public Task<bool> FlushAsync(TimeSpan timeout, CancellationToken cancellation = default) =>
        exporter is null ? Task.FromResult(true) : exporter.FlushAsync(timeout, requireSent: true, cancellation);

    /// <summary>Waits until the records so far are in the spool and the process end is watched; false on timeout.</summary>
    public async Task<bool> FlushToSpoolAsync(TimeSpan timeout)
    {
        if (exporter is null)
        {
            return true;
        }

        // One bound for both waits: the caller asked for an answer within the timeout, not within twice it.
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        if (processEnd is not null)
        {
            try
            {
                await processEnd.SignalsRegistered.WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        var left = TimeSpan.FromMilliseconds(Math.Max(0, deadline - Environment.TickCount64));
        return await exporter.SpoolAsync(left).ConfigureAwait(false);
    }

    public Task<SyncReport> SyncAsync(CancellationToken cancellation = default) =>
        exporter is null ? Task.FromResult(SyncReport.Empty) : exporter.SyncAsync(cancellation);

    public async ValueTask DisposeAsync()
    {
        await CloseAsync(RunStatus.Finished).ConfigureAwait(false);
    }

    /// <summary>Ends open runs with <paramref name="status"/>, flushes within the timeout and stops.</summary>
    internal async Task CloseAsync(RunStatus status)
    {
        if (exporter is null || Volatile.Read(ref closed) != 0)
        {
            return;
        }

        if (Volatile.Read(ref started) == 0)
        {
            // Never started (a prepared session not taken): no run, no loop, no file to close.
            Interlocked.Exchange(ref closed, 1);
            return;
        }

        EndOpenRuns(status);
        if (Interlocked.Exchange(ref closed, 1) != 0)
        {
            return;
        }

        processEnd?.Dispose();
        AppDomain.CurrentDomain.FirstChanceException -= OnFirstChance;
        await exporter.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops as a killed process would (crash tests): nothing ended, flushed or deleted.</summary>
    internal async Task AbandonAsync()
    {
        Interlocked.Exchange(ref closed, 1);
        processEnd?.Dispose();
        AppDomain.CurrentDomain.FirstChanceException -= OnFirstChance;
        if (exporter is not null)
        {
            await exporter.AbandonAsync().ConfigureAwait(false);
        }
    }

    private Run Create(string? runName, string? experimentName, IReadOnlyDictionary<string, string>? tags, Run? parent)
    {
        var name = string.IsNullOrWhiteSpace(runName) ? RunNames.NewRunName() : runName;
        string? attach = null;
        if (parent is null && attachRunId is not null)
        {
            lock (gate)
            {
                attach = attachRunId;
                attachRunId = null;
            }
        }

        // A nested run started without an experiment stays in its parent's experiment, as MLflow's nested runs do.
        string? experimentId;
        if (experimentName is null && parent is not null)
        {
            experimentName = parent.ExperimentName;
            experimentId = parent.ExperimentId;
        }
        else
        {
            experimentId = experimentName is null ? Options.ExperimentId : null;
            experimentName ??= experimentId is null ? Options.ExperimentName : null;
        }

        var id = attach ?? RunNames.NewRunId();
        var run = new Run(this, id, name, experimentName, parent) { ExperimentId = experimentId };
        var user = Environment.UserName;
        // An array, not a List<RunTag>: a list over this struct is JIT-compiled on the program's thread at its first run.
        RunTag[] systemTags =
        [
            new("mlflow.user", user),
            new("mlflow.source.name", SourceName()),
            new("mlflow.source.type", "LOCAL"),
            new("mlflow.runName", name),
        ];
        if (tags is not null)
        {
            foreach (var (key, value) in tags)
            {
                var k = Keys.Key(key, "tag");
                systemTags = [.. systemTags.Where(t => t.Key != k), new RunTag(k, Keys.TagValue(k, value))];
            }
        }

        var start = new RunStart(
            experimentId,
            experimentName,
            name,
            parent?.Id,
            user,
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            systemTags,
            attach);
        openRuns[run] = run;
        exporter!.Submit(new ExportRecord(RecordKind.StartRun, id, null, payload: start));
        if (parent is null)
        {
            IRunLogger[] snapshot;
            lock (loggers)
            {
                snapshot = [.. loggers];
            }

            run.StartLoggers(snapshot, Background);
        }

        return run;
    }

    // Remembers an exception thrown in a run's flow: `await using` disposes after the exception was caught by the
    // compiler's own handler, so only this marker can tell Dispose that the scope is ending by an exception.
    private void OnFirstChance(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
    {
        if (OpenOrNull(current.Value) is { } run)
        {
            run.LastException = e.Exception;
        }
    }

    private static Run? OpenOrNull(Run? run) => run is { IsEnded: false } ? run : null;

    private static int Depth(Run run)
    {
        var depth = 0;
        for (var p = run.Parent; p is not null; p = p.Parent)
        {
            depth++;
        }

        return depth;
    }

    // Read at each top-level run's start, the first on the program's thread: the host's first argument costs
    // microseconds there, while naming the entry assembly and probing for its file cost 1.5 ms at a program's first run.
    internal static string SourceName() =>
        HostedAssembly(Environment.GetCommandLineArgs())
        ?? SourceName(Assembly.GetEntryAssembly()?.GetName().Name, AppContext.BaseDirectory, Environment.ProcessPath);

    /// <summary>
    /// The entry <c>.dll</c> as the .NET host hands it to a program it runs under the JIT: the first command-line
    /// argument, for <c>dotnet app.dll</c> and the app's own executable alike. Null when that argument is not a rooted
    /// <c>.dll</c> path (NativeAOT and single-file programs get the executable there).
    /// </summary>
    internal static string? HostedAssembly(IReadOnlyList<string> commandLine) =>
        commandLine.Count > 0 && commandLine[0] is { } first && Path.IsPathRooted(first) && first.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? first
            : null;

    /// <summary>
    /// The program as MLflow's <c>mlflow.source.name</c> names it: the entry <c>.dll</c> under the JIT (what
    /// <c>dotnet</c> ran), else the executable (NativeAOT and single-file programs have no <c>.dll</c>).
    /// </summary>
    internal static string SourceName(string? entryName, string? baseDirectory, string? processPath)
    {
        var dll = entryName is null || string.IsNullOrEmpty(baseDirectory) ? null : Path.Combine(baseDirectory, entryName + ".dll");
        return dll is not null && File.Exists(dll) ? dll : processPath ?? dll ?? "unknown";
    }
}
