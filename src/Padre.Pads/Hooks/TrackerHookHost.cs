using Padre.Pads.Tracking;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.Hooks;

/// <summary>Connects the hooks to <see cref="Tracker"/>: the host every real program uses. Stateless.</summary>
internal sealed class TrackerHookHost : IHookHost
{
    public static TrackerHookHost Instance { get; } = new();

    public bool IsEnabled => Tracker.IsEnabled;

    public IRunWriter? ActiveOrAutoStartedRun() => Tracker.ActiveOrAutoStartedRun();

    public IRunScope StartRun(string runName, string? experimentName) => new Scope(Tracker.StartRun(runName, experimentName));

    public void ReportTrackingError(string message, Exception exception) =>
        SdkLog.Warning(exception, "Padre.Pads: {Message}; the call goes on untracked", message);

    private sealed class Scope(Run run) : IRunScope
    {
        public IRunWriter Writer => run;

        public void End(RunStatus status) => run.End(status);
    }
}
