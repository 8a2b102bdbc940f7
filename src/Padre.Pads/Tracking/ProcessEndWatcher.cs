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
    private int signalled;

    public ProcessEndWatcher(TrackingSession session)
    {
        this.session = session;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            try
            {
                registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // SIGQUIT has no Windows equivalent; the others are mapped by the runtime.
            }
        }

        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
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
