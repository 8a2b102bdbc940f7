using System.ComponentModel;
using Padre.Pads.Loggers;
using Padre.Pads.Loggers.Run;

namespace Padre.Pads.Hooks;

/// <summary>
/// The entry point generated interceptors call. Not for hand-written code: use <c>[Track]</c> or a mapping file.
/// </summary>
/// <remarks>
/// Stateless: what it reads lives under the tracker root (<see cref="Tracker"/>). When tracking is off an
/// interceptor costs one field read (<see cref="IsEnabled"/>). Nothing here throws into the user's call: a
/// tracking failure is reported and the call goes on untracked.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Interception
{
    /// <summary>Whether hooked calls are recorded; false makes every interceptor a plain forward.</summary>
    public static bool IsEnabled => Tracker.HookRegistry.InterceptionEnabled;

    /// <summary>Starts recording a call; null when there is nothing to record into (the call is then only forwarded).</summary>
    public static HookCall? Begin(InterceptionSite site, object? receiver, object?[] arguments)
    {
        var registry = Tracker.HookRegistry;
        var host = registry.Host;
        if (host is null || site is null)
        {
            return null;
        }

        try
        {
            if (!host.IsEnabled)
            {
                registry.TurnOff();
                return null;
            }

            if (site.Experiment is { } experiment)
            {
                var scope = host.StartRun(experiment.Name, experiment.Project);
                return new HookCall(site, receiver, arguments ?? [], scope.Writer, scope);
            }

            return host.ActiveOrAutoStartedRun() is { } run ? new HookCall(site, receiver, arguments ?? [], run, null) : null;
        }
        catch (Exception e)
        {
            host.ReportTrackingError("could not start recording " + site, e);
            return null;
        }
    }

    /// <summary>
    /// Connects <see cref="Tracker"/>; called by the module initializer the generator emits into every
    /// program it intercepts. Provisionally on: the first hooked call asks the tracker (creating its session
    /// lazily) and turns interception off for good when tracking is disabled. The console is captured from here, and
    /// the first hooked call's one-time costs are paid on a background thread meanwhile.
    /// </summary>
    public static void UseTracker() => UseTracker(fromEntryAssembly: false);

    /// <inheritdoc cref="UseTracker()"/>
    /// <param name="fromEntryAssembly">
    /// True when called from the module initializer of the program's own assembly (the generator knows it builds an
    /// executable). That initializer runs before <c>Main</c>, so nothing but a startup hook can have set the console's
    /// writers yet, and the capture can leave making them to their first use, as the program would.
    /// </param>
    public static void UseTracker(bool fromEntryAssembly)
    {
        Tracker.HookRegistry.AttachIfNone(TrackerHookHost.Instance);
        Tracker.CaptureConsoleFromStart(consoleUntouched: fromEntryAssembly && StandardStreamWriter.NoStartupHook());
        Tracker.WarmUpInBackground();
    }

    /// <inheritdoc cref="UseTracker(bool)"/>
    /// <param name="fromEntryAssembly">As for <see cref="UseTracker(bool)"/>.</param>
    /// <param name="registrations">
    /// The <c>Register()</c> calls of the libraries that asked for them (<see cref="PadreRegistrationAttribute"/>): run
    /// on the warm-up thread, so loading those libraries and building their loggers does not delay <c>Main</c>; the
    /// first hooked call, and any change to the event loggers, waits for them if they have not run yet.
    /// </param>
    public static void UseTracker(bool fromEntryAssembly, Action registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        Tracker.HookRegistry.EventLoggers.RegisterLater(registrations);
        UseTracker(fromEntryAssembly);
    }

    /// <summary>Connects the tracker (or a test host); null disconnects and turns interception off.</summary>
    internal static void Attach(IHookHost? host) => Tracker.HookRegistry.Attach(host);

    /// <summary>Writes the aggregated counts and times of hot sites (predictions) into <paramref name="run"/> and resets them.</summary>
    internal static void FlushSiteStatistics(IRunWriter run) => Tracker.HookRegistry.Sites.Flush(run);
}
