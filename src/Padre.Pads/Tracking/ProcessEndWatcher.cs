using System.Runtime.InteropServices;
using Padre.Pads.Stores;

namespace Padre.Pads.Tracking;

/// <summary>
/// Ends open runs when the process ends: KILLED on SIGINT (Ctrl+C), SIGTERM or SIGQUIT, FINISHED on a normal exit
/// (as MLflow's own atexit hook does), each time with a flush bounded by <c>PADRE_FLUSH_TIMEOUT_MS</c>. The signal
/// is never cancelled and the exit code is never touched: the program ends exactly as it would without tracking.
/// </summary>
internal sealed class ProcessEndWatcher : IDisposable
{
    private readonly TrackingSession session;
    private readonly List<PosixSignalRegistration> registrations = [];
    private bool disposed;
    private int signalled;

    /// <remarks>
    /// The exit handler is in place when this returns; the signal handlers follow on the thread pool, because the
    /// process's first signal registration starts the runtime's signal handling (1-3 ms), and the session is created
    /// at the program's first hooked call, on its thread. A signal in that gap ends the process as untracked runs do:
    /// the spooled records stay and the next process or <c>padre sync</c> marks the run KILLED.
    /// </remarks>
    public ProcessEndWatcher(TrackingSession session)
    {
        this.session = session;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        _ = Tracker.Pool.Run(RegisterSignals);
    }

    /// <summary>Completes when the signal handlers are registered (or could not be); for tests.</summary>
    internal Task SignalsRegistered => signalsRegistered.Task;

    private readonly TaskCompletionSource signalsRegistered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many signal handlers are registered now.</summary>
    internal int SignalCount
    {
        get
        {
            lock (registrations)
            {
                return registrations.Count;
            }
        }
    }

    public void Dispose()
    {
        lock (registrations)
        {
            disposed = true;
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }

            registrations.Clear();
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
    }

    private void RegisterSignals()
    {
        try
        {
            foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
            {
                lock (registrations)
                {
                    if (disposed)
                    {
                        return;
                    }

                    try
                    {
                        registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
                    }
                    catch (PlatformNotSupportedException)
                    {
                        // SIGQUIT has no Windows equivalent; the others are mapped by the runtime.
                    }
                }
            }
        }
        catch (Exception e)
        {
            SdkLog.Warning(e, "Padre.Pads could not watch for SIGINT/SIGTERM/SIGQUIT ({Reason}); runs still end when the process exits normally.", e.Message);
        }
        finally
        {
            signalsRegistered.TrySetResult();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        // context.Cancel stays false: the default handling (termination, exit code) goes on after this.
        if (Interlocked.Exchange(ref signalled, 1) == 0)
        {
            session.EndOpenRuns(RunStatus.Killed);
            session.FlushAsync(session.Options.FlushTimeout).Wait(session.Options.FlushTimeout);
        }
    }

    // Closing waits, each bounded by the flush timeout, for the runs' background work (a model still being saved is
    // never dropped at exit while the bound allows) and then for the final flush; this outer bound only guarantees exit.
    private void OnProcessExit(object? sender, EventArgs e) =>
        session.CloseAsync(Volatile.Read(ref signalled) != 0 ? RunStatus.Killed : RunStatus.Finished).Wait(2 * session.Options.FlushTimeout + TimeSpan.FromSeconds(1));
}
