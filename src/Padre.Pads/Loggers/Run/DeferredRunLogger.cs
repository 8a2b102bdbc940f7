using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// A run logger built on its first call, so creating the default loggers costs the caller's thread next to nothing:
/// reading the environment, building the redactor and loading the loggers' code happen on the background thread.
/// </summary>
internal sealed class DeferredRunLogger(string name, Lazy<IRunLogger> logger) : IRunLogger
{
    public string Name => name;

    /// <summary>
    /// True for a logger whose start marks a moment (where the console capture begins, the clock and CPU time the run's
    /// cost is measured from): it starts with the run, not when the session's background work may begin.
    /// </summary>
    public bool StartsWithRun { get; init; }

    public void OnRunStarted(IRunWriter run) => logger.Value.OnRunStarted(run);

    public void OnRunEnding(IRunWriter run, RunStatus status) => logger.Value.OnRunEnding(run, status);
}
