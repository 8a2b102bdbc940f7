using Padre.Pads.Tracking;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.Hooks;

/// <summary>Connects the hooks to <see cref="Tracker"/>: the host every real program uses.</summary>
internal sealed class TrackerHookHost : IHookHost
{
    private int _prepared;

    public static TrackerHookHost Instance { get; } = new();

    public bool IsEnabled => Tracker.IsEnabled;

    public IRunWriter? ActiveOrAutoStartedRun()
    {
        Prepare();
        return Tracker.ActiveOrAutoStartedRun();
    }

    public IRunScope StartRun(string runName, string? experimentName)
    {
        Prepare();
        return new Scope(Tracker.StartRun(runName, experimentName));
    }

    public void ReportTrackingError(string message, Exception exception) =>
        SdkLog.Warning(exception, "Padre.Pads: {Message}; the call goes on untracked", message);

    // Once, on the first hooked call: the per-site prediction counters are written when runs end.
    private void Prepare()
    {
        if (Interlocked.Exchange(ref _prepared, 1) == 0)
        {
            Tracker.AddRunLogger(new SiteStatisticsLogger());
        }
    }

    private sealed class Scope(Run run) : IRunScope
    {
        public IRunWriter Writer => run;

        public void End(RunStatus status) => run.End(status);
    }
}
