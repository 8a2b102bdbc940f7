using System.ComponentModel;
using Padre.Pads.Loggers;

namespace Padre.Pads.Hooks;

/// <summary>
/// The entry point generated interceptors call. Not for hand-written code: use <c>[Track]</c> or a mapping file.
/// </summary>
/// <remarks>
/// When tracking is off an interceptor costs one static field read (<see cref="IsEnabled"/>). Nothing here
/// throws into the user's call: a tracking failure is reported and the call goes on untracked.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Interception
{
    // The tracker's attachment point (set by Tracker at start-up, by tests with a recording host).
    private static IHookHost? s_host;
    private static bool s_enabled;
    private static readonly List<InterceptionSite> HitSites = [];

    /// <summary>Whether hooked calls are recorded; false makes every interceptor a plain forward.</summary>
    public static bool IsEnabled => s_enabled;

    /// <summary>Starts recording a call; null when there is nothing to record into (the call is then only forwarded).</summary>
    public static HookCall? Begin(InterceptionSite site, object? receiver, object?[] arguments)
    {
        var host = s_host;
        if (host is null || site is null)
        {
            return null;
        }

        try
        {
            if (!host.IsEnabled)
            {
                s_enabled = false;
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
    /// lazily) and turns interception off for good when tracking is disabled. The console is captured from here.
    /// </summary>
    public static void UseTracker()
    {
        if (s_host is null)
        {
            s_host = TrackerHookHost.Instance;
            s_enabled = true;
            Tracker.CaptureConsoleFromStart();
        }
    }

    /// <summary>Connects the tracker (or a test host); null disconnects and turns interception off.</summary>
    internal static void Attach(IHookHost? host)
    {
        s_host = host;
        s_enabled = host?.IsEnabled == true;
    }

    /// <summary>Called by the tracker when <c>Tracker.IsEnabled</c> changes.</summary>
    internal static void Refresh() => s_enabled = s_host?.IsEnabled == true;

    internal static void SiteHit(InterceptionSite site)
    {
        lock (HitSites)
        {
            HitSites.Add(site);
        }
    }

    /// <summary>Writes the aggregated counts and times of hot sites (predictions) into <paramref name="run"/> and resets them.</summary>
    internal static void FlushSiteStatistics(IRunWriter run)
    {
        InterceptionSite[] sites;
        lock (HitSites)
        {
            sites = [.. HitSites];
        }

        foreach (var site in sites)
        {
            var (calls, elapsed) = site.Drain();
            if (calls == 0)
            {
                continue;
            }

            var key = Defaults.Keys.Timing(site);
            run.LogMetric(key + ".calls", calls);
            run.LogMetric(key + ".total_seconds", elapsed.TotalSeconds);
            run.LogMetric(key + ".mean_microseconds", elapsed.TotalMilliseconds * 1000 / calls);
        }
    }
}
