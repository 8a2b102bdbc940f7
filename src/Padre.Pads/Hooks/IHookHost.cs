using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.Hooks;

/// <summary>
/// What the hooks need from the tracker: whether tracking is on, the current run, and a way to open a run
/// for a <c>[PadreExperiment]</c> call. The tracker attaches itself with <see cref="Interception.Attach"/>;
/// tests attach a recording host.
/// </summary>
internal interface IHookHost
{
    /// <summary>Whether tracking is on at all.</summary>
    bool IsEnabled { get; }

    /// <summary>The run calls are recorded into, starting one when none is open and autostart is on; null: do not record.</summary>
    IRunWriter? ActiveOrAutoStartedRun();

    /// <summary>Starts a run (nested in the active one, if any) for one experiment call.</summary>
    IRunScope StartRun(string runName, string? experimentName);

    /// <summary>Reports a failure of tracking itself (never of the user's call).</summary>
    void ReportTrackingError(string message, Exception exception);
}

/// <summary>A run opened for one call; ended when the call ends.</summary>
internal interface IRunScope
{
    /// <summary>The run.</summary>
    IRunWriter Writer { get; }

    /// <summary>Ends the run with <paramref name="status"/>.</summary>
    void End(RunStatus status);
}
