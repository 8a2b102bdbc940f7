using System.Text.Json.Nodes;
using Padre.Pads.Configuration;
using Padre.Pads.Export;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;
using Padre.Pads.Tracking;

namespace Padre.Pads;

/// <summary>
/// The one root of Padre.Pads' static state: the tracking session of this process and the hooks' registry
/// (interception switch, event loggers, per-site counts). Generated code and users call it; it finds the current run
/// (per async flow, <see cref="ActiveRun"/>) and hands records to the background exporter.
/// </summary>
/// <remarks>
/// Options come from <see cref="Configure"/> or, on first use, from the environment (<see cref="TrackingOptions.FromEnvironment"/>).
/// With <c>PADRE_DISABLED=true</c> every call is a cheap no-op. Logging calls outside any run go to a run started
/// for them (unless <c>PADRE_AUTOSTART=false</c>). Open runs end KILLED on Ctrl+C/SIGTERM and FINISHED at a normal exit.
/// </remarks>
public static class Tracker
{
    private static readonly object Gate = new();

    // The console is the process's, not a session's: captured from tracker initialisation (the generated module
    // initializer) so the first run also holds what the program printed before it, across Configure calls.
    private static readonly Loggers.Run.ConsoleTap ProcessConsole = new();
    private static TrackingSession? session;

    // The options the warm-up read for the first hooked call, and the session it built from them (not started: nothing
    // outside it exists yet); taken once, under Gate, and only while those options are current.
    private static PreparedOptions? prepared;
    private static TrackingSession? preparedSession;
    private static readonly TaskCompletionSource WarmUpDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What generated interceptors read: whether to record, the host, event loggers and site counts.</summary>
    internal static readonly HookRegistry HookRegistry = new();

    /// <summary>Where tracking's background tasks are queued: held while the warm-up starts the thread pool.</summary>
    internal static readonly PoolStart Pool = new();

    /// <summary>
    /// Sets the options. Call it before the first run; calling it again ends the open runs, flushes (bounded) and
    /// starts over with the new options. Event loggers registered for hooked calls stay registered (they belong to
    /// the program); prediction counts not yet written into a run are discarded.
    /// </summary>
    public static void Configure(TrackingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TrackingSession? old;
        lock (Gate)
        {
            old = session;
            prepared = null;
            preparedSession = null;
            session = Started(NewSession(options));
        }

        old?.DisposeAsync().AsTask().Wait(options.FlushTimeout + TimeSpan.FromSeconds(1));

        // The old session's runs have ended (writing their counts); none may reach the new session's first run.
        HookRegistry.Sites.Reset();

        // Interceptors cache whether tracking is on; a reconfigured tracker may have switched it.
        HookRegistry.Refresh();
    }

    /// <summary>False when tracking is disabled (<c>PADRE_DISABLED=true</c>).</summary>
    public static bool IsEnabled => !Session.Disabled;

    /// <summary>The options in effect.</summary>
    public static TrackingOptions Options => Session.Options;

    /// <summary>The run of the current async flow (else the autostarted run), or null.</summary>
    public static Run? ActiveRun => Session.ActiveRun;

    /// <summary>
    /// Starts a run; it becomes <see cref="ActiveRun"/> of this async flow and is nested (tag <c>mlflow.parentRunId</c>)
    /// when a run is already active in it. Parallel tasks started inside a run each get their own nested runs.
    /// </summary>
    /// <param name="runName">The run name; null: a generated "adjective-noun-number".</param>
    /// <param name="experimentName">The experiment, created on first use; null: <c>MLFLOW_EXPERIMENT_NAME</c>/<c>_ID</c> or <c>Default</c>.</param>
    /// <param name="tags">Tags to set at the start.</param>
    public static Run StartRun(string? runName = null, string? experimentName = null, IReadOnlyDictionary<string, string>? tags = null) =>
        Session.StartRun(runName, experimentName, tags);

    /// <summary>For hooks: the active run, or a run started for it when none is open (one per process, ended at exit).</summary>
    public static Run ActiveOrAutoStartedRun() => Session.ActiveOrAutoStartedRun();

    /// <summary>Runs <paramref name="body"/> in a new run: FAILED (and rethrown) if it throws, else FINISHED.</summary>
    public static void Run(string? runName, Action<Run> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var run = StartRun(runName);
        try
        {
            body(run);
        }
        catch (Exception e)
        {
            run.Fail(e);
            throw;
        }

        run.End();
    }

    /// <summary>Runs <paramref name="body"/> in a new run and returns its result: FAILED (and rethrown) if it throws, else FINISHED.</summary>
    public static T Run<T>(string? runName, Func<Run, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var run = StartRun(runName);
        T result;
        try
        {
            result = body(run);
        }
        catch (Exception e)
        {
            run.Fail(e);
            throw;
        }

        run.End();
        return result;
    }

    /// <summary>Runs <paramref name="body"/> in a new run: FAILED (and rethrown) if it throws or is cancelled, else FINISHED.</summary>
    public static async Task RunAsync(string? runName, Func<Run, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var run = StartRun(runName);
        try
        {
            await body(run).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            run.Fail(e);
            throw;
        }

        await run.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="body"/> in a new run and returns its result: FAILED (and rethrown) if it throws, else FINISHED.</summary>
    public static async Task<T> RunAsync<T>(string? runName, Func<Run, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var run = StartRun(runName);
        T result;
        try
        {
            result = await body(run).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            run.Fail(e);
            throw;
        }

        await run.DisposeAsync().ConfigureAwait(false);
        return result;
    }

    /// <summary>Logs a param on the active run (autostarting one). Same value again: no-op; a different value is reported and ignored.</summary>
    public static void LogParam(string key, string? value)
    {
        var s = Session;
        if (!s.Disabled)
        {
            s.ActiveOrAutoStartedRun().LogParam(key, value);
        }
    }

    /// <summary>Logs a metric point on the active run (autostarting one).</summary>
    public static void LogMetric(string key, double value, long step = 0, long? timestampMs = null)
    {
        var s = Session;
        if (!s.Disabled)
        {
            s.ActiveOrAutoStartedRun().LogMetric(key, value, step, timestampMs);
        }
    }

    /// <summary>Sets a tag on the active run (autostarting one).</summary>
    public static void SetTag(string key, string? value)
    {
        var s = Session;
        if (!s.Disabled)
        {
            s.ActiveOrAutoStartedRun().SetTag(key, value);
        }
    }

    /// <summary>Records a dataset input on the active run (autostarting one).</summary>
    public static void LogInput(DatasetInput input)
    {
        var s = Session;
        if (!s.Disabled)
        {
            s.ActiveOrAutoStartedRun().LogInput(input);
        }
    }

    /// <summary>Copies a file or directory into the active run's artifacts (in the background).</summary>
    public static void LogArtifact(string localPath, string? artifactPath = null)
    {
        var s = Session;
        if (!s.Disabled)
        {
            s.ActiveOrAutoStartedRun().LogArtifact(localPath, artifactPath);
        }
    }

    /// <summary>Writes text as an artifact file of the active run.</summary>
    public static void LogText(string text, string artifactFile)
    {
        var s = Session;
        if (!s.Disabled)
        {
            s.ActiveOrAutoStartedRun().LogText(text, artifactFile);
        }
    }

    /// <summary>Writes JSON as an artifact file of the active run (AOT-safe).</summary>
    public static void LogJson(JsonNode json, string artifactFile)
    {
        var s = Session;
        if (!s.Disabled)
        {
            s.ActiveOrAutoStartedRun().LogJson(json, artifactFile);
        }
    }

    /// <summary>
    /// Counts of confirmed, rejected and spilled records in this process. A successful <see cref="Flush"/> also
    /// covers records the store rejected for good; check <see cref="DeliveryCounts.Rejected"/> when that matters.
    /// </summary>
    public static DeliveryCounts Delivery
    {
        get
        {
            var s = Session;
            return s.Disabled ? default : new DeliveryCounts(s.Exporter.Sent, s.Exporter.Rejected, s.Exporter.Spilled);
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> until everything logged so far is confirmed by the store; false if it was not.</summary>
    public static bool Flush(TimeSpan timeout) => Session.FlushAsync(timeout).GetAwaiter().GetResult();

    /// <summary>Waits up to <paramref name="timeout"/> until everything logged so far is confirmed by the store; false if it was not.</summary>
    public static Task<bool> FlushAsync(TimeSpan timeout, CancellationToken ct = default) => Session.FlushAsync(timeout, ct);

    /// <summary>
    /// Waits until everything logged so far is at least in the durable spool and the process end is watched (its signal
    /// handlers are in place), so a process killed after it ends its runs KILLED (crash tests, the CLI); false on timeout.
    /// </summary>
    internal static Task<bool> FlushToSpoolAsync(TimeSpan timeout) => Session.FlushToSpoolAsync(timeout);

    /// <summary>Sends unsent spool records now: this process's and those of earlier processes (runs that never ended become KILLED).</summary>
    public static Task<SyncReport> SyncAsync(CancellationToken ct = default) => Session.SyncAsync(ct);

    /// <summary>Adds a run logger, called (in the background) when a top-level run starts and before it ends.</summary>
    public static void AddRunLogger(IRunLogger logger) => Session.AddRunLogger(logger);

    private static TrackingSession Session => Volatile.Read(ref session) ?? Initialize();

    /// <summary>
    /// Called once by the generated module initializer: starts the console capture now, when the environment leaves
    /// tracking and the console logger on, so the first run also holds what is printed before the first hooked call.
    /// The session itself (spool, exporter, store) is still created on first use.
    /// </summary>
    internal static void CaptureConsoleFromStart(bool consoleUntouched)
    {
        try
        {
            // Only the two switches: the whole options (tracking URI resolved against the file system, every variable)
            // cost the program's start-up here, before its Main, and the warm-up reads them in the background anyway.
            if (Volatile.Read(ref session) is null && TrackingOptions.SwitchesFromEnvironment() is var (disabled, off) && DefaultRunLoggers.ConsoleWanted(disabled, off))
            {
                ProcessConsole.CaptureFromNow(consoleUntouched);
            }
        }
        catch (Exception e)
        {
            // Runs before the user's Main: a failure here costs the pre-run output, never the program.
            SdkLog.Warning(e, "Padre.Pads could not capture the console from the start ({Reason}); runs capture it from their own start.", e.Message);
        }
    }

    /// <summary>
    /// Called once by the generated module initializer: pays, on a background thread, the one-time costs of the first
    /// hooked call that have no effect outside the process (the thread pool's start, the run-name and id generators,
    /// the user name, the options (kept for the first hooked call while current: <see cref="PreparedOptions"/>), the key
    /// policy, the session built from them, the process's CPU-time reading, the spool's types, a rehearsed call through
    /// the default event loggers: <see cref="HookRehearsal"/>), so the first hooked calls (often the program's second
    /// line) do not. The session is built here but not started: a program that configures the tracker in code, or never
    /// makes a hooked call, must not get a spool, a store or a handler it did not ask for, so its start (and the spool's
    /// files, which its exporter's loop opens) waits for the first hooked call.
    /// </summary>
    internal static void WarmUpInBackground()
    {
        if (Volatile.Read(ref session) is not null)
        {
            WarmUpDone.TrySetResult();
            return;
        }

        try
        {
            Pool.Hold();
            new Thread(WarmUp) { IsBackground = true, Name = "Padre.Pads warm-up" }.Start();
        }
        catch (OutOfMemoryException)
        {
            // No thread to spare: the first hooked call pays these costs itself.
            Pool.Release();
            WarmUpDone.TrySetResult();
        }
    }

    /// <summary>Completes when the background warm-up has ended (or never started); for tests.</summary>
    internal static Task WarmedUp => WarmUpDone.Task;

    private static void WarmUp()
    {
        try
        {
            // In the order the first hooked call needs them: its session (options, the run loggers' shells, then the pool
            // its exporter starts on, the spool) before its end (the libraries' event loggers the module initializer handed
            // over, a rehearsal of recording a call). A program's first hooked call often comes while this still runs.
            var ready = PreparedOptions.Read(Environment.GetEnvironmentVariables());
            Volatile.Write(ref prepared, ready);
            var options = ready?.Options ?? TrackingOptions.FromEnvironment();

            // The session first: Iris's first hooked call comes 15-30 ms after the start and starting the pool took 3-12 ms
            // here, so with the pool first the session was ready only after that call in half of the launches, and the
            // call read the options and built a session itself.
            if (ready is not null)
            {
                Prepare(ready);
            }

            if (options.Disabled)
            {
                // Tracking is off: the first hooked call only turns interception off, and needs no pool, names, spool
                // or loggers for that. A program that turns tracking on in code gets the libraries' registrations at
                // its first use of the event loggers (EventLoggerSet runs them then).
                return;
            }

            if (ready is null)
            {
                // The options are read again at the first hooked call (./mlruns exists): only the loggers' shells here.
                _ = DefaultRunLoggers.Create(options.DisabledLoggers, processConsole: null);
            }

            // Then what the first hooked call's session start and run creation touch first, before the pool: starting the
            // pool took 3-13 ms here and the Sentiment sample's first hooked call came while it ran in 10 of 14 launches,
            // so what followed it (the run's id, the user name, the process-exit handler's first registration) was still
            // paid on the program's thread. A handler added and removed at once changes nothing.
            _ = RunNames.NewRunName() + RunNames.NewRunId() + Environment.UserName + TrackingSession.SourceName();
            _ = new KeyPolicy(new Reporter()).Key("padre.warm_up", "tag");
            _ = DefaultRunLoggers.UnknownNames(options.DisabledLoggers);
            AppDomain.CurrentDomain.ProcessExit += IgnoreProcessExit;
            AppDomain.CurrentDomain.ProcessExit -= IgnoreProcessExit;

            // The first hooked call reads the process's CPU time right after its run starts (0.7 ms the first time,
            // about 1 µs after).
            _ = ProcessCost.Now();

            // The exporter starts its loop as an async function through the pool's start: the same shape, once, here.
            _ = Pool.Run(static () => Task.CompletedTask);
            // Queuing starts the pool here instead of on the program's thread, whose tasks wait in Pool until it has.
            ThreadPool.UnsafeQueueUserWorkItem(static _ => { }, null);
            Pool.Release();
            _ = Spool.NewName();
            Spool.WarmUp();
            HookRegistry.EventLoggers.RegisterPending();
            HookRehearsal.Run();

            // A run's background worker as the first hooked call that hands work over (a loaded file's scan, often the
            // program's third or fourth hooked call) makes it: its queue and room, the hand-over while the session holds
            // back, the drain on the pool once it opens. 0.3-0.4 ms there before.
            var worker = new RunWorker(static (_, _) => { }, start: new BackgroundStart(TimeSpan.FromHours(1)));
            worker.TryPost("padre.warm_up", static () => { });
            worker.Close(TimeSpan.FromSeconds(1));
        }
        catch (Exception e)
        {
            SdkLog.Warning(e, "Padre.Pads could not warm up in the background ({Reason}); the first hooked call pays the start-up costs.", e.Message);
        }
        finally
        {
            // Also when tracking is off or the warm-up failed: nothing may wait for a pool the warm-up never started.
            Pool.Release();
            WarmUpDone.TrySetResult();
        }
    }

    private static void IgnoreProcessExit(object? sender, EventArgs e)
    {
    }

    // Under Gate, so a first hooked call that comes while this runs waits for it instead of building a second session
    // beside it on the other core.
    private static void Prepare(PreparedOptions ready)
    {
        lock (Gate)
        {
            // Taken already (the first hooked call came first and read them), or dropped by Configure.
            if (session is not null || !ReferenceEquals(prepared, ready))
            {
                return;
            }

            preparedSession = ready.Options.Disabled ? null : NewSession(ready.Options);
        }
    }

    private static TrackingSession Initialize()
    {
        lock (Gate)
        {
            if (session is null)
            {
                var environment = Environment.GetEnvironmentVariables();
                var current = prepared?.IfCurrent(environment);
                var built = current is null ? null : preparedSession;
                prepared = null;
                preparedSession = null;
                // The warm-up's session when nothing it was built from changed since, else one from a fresh reading (the
                // program's Main may have set a variable or changed directory before its first hooked call).
                Volatile.Write(ref session, Started(built ?? NewSession(current ?? TrackingOptions.FromEnvironment(environment))));
            }

            return session;
        }
    }

    // The process-wide session runs the default run loggers (git, system, console, ...); sessions that tests build
    // directly start without them, so a test chooses exactly which loggers it observes. Built not started, so the
    // warm-up can build it ahead of the first hooked call (its console capture is the module initializer's, already on).
    private static TrackingSession NewSession(TrackingOptions options)
    {
        var created = new TrackingSession(options, watchProcessEnd: true, deferStart: true);
        if (options.Disabled)
        {
            return created;
        }

        foreach (var logger in DefaultRunLoggers.Create(options.DisabledLoggers, ProcessConsole))
        {
            created.AddRunLogger(logger);
        }

        // Hot hooked calls (predictions) are only counted; their aggregates are written when a run ends.
        created.AddRunLogger(new SiteStatisticsLogger());

        return created;
    }

    private static TrackingSession Started(TrackingSession created)
    {
        if (created.Options.Disabled)
        {
            ProcessConsole.Stop();
            return created;
        }

        foreach (var name in DefaultRunLoggers.UnknownNames(created.Options.DisabledLoggers))
        {
            SdkLog.Warning("PADRE_LOGGERS_DISABLED names {Logger}, which is not a run logger; known names: {Names}", name, string.Join(", ", DefaultRunLoggers.Names));
        }

        created.Start();
        return created;
    }
}
