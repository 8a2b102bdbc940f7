using Padre.Pads.Stores;

namespace Padre.Pads.Loggers;

/// <summary>
/// A pre/post-run logger (git, system, CPU, console, ...): called when a top-level run starts and when it ends.
/// </summary>
/// <remarks>
/// Calls happen on a background thread, never on the caller's. <see cref="OnRunStarted"/> is called once the session's
/// background work may begin: <c>PADRE_BACKGROUND_DELAY_MS</c> (default 3 s) after tracking started, or at once when a
/// run ends or a flush is asked for first, so reading the machine does not compete with the program's start-up and
/// training. A logger that cannot read a value logs that
/// it could not (a <c>padre.logger.&lt;name&gt;.error</c> tag) and returns; an exception it throws is caught,
/// reported and never ends the run.
/// </remarks>
public interface IRunLogger
{
    /// <summary>Short lowercase name used to switch the logger off (<c>PADRE_LOGGERS_DISABLED=git,console</c>).</summary>
    string Name { get; }

    /// <summary>The run started; record what is known at the start.</summary>
    void OnRunStarted(IRunWriter run);

    /// <summary>The run is about to end with <paramref name="status"/>; record what is known at the end and release resources.</summary>
    void OnRunEnding(IRunWriter run, RunStatus status);
}
