using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.Hooks;

/// <summary>
/// Writes the per-site aggregates of hot hooks (prediction count, total and mean time) when a run ends,
/// since those calls record nothing individually.
/// </summary>
internal sealed class SiteStatisticsLogger : IRunLogger
{
    public string Name => "predictions";

    public void OnRunStarted(IRunWriter run)
    {
    }

    public void OnRunEnding(IRunWriter run, RunStatus status) => Tracker.HookRegistry.Sites.Flush(run);
}
