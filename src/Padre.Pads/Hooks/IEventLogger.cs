using Padre.Pads.Loggers;

namespace Padre.Pads.Hooks;

/// <summary>
/// Turns hooked calls into records (params, metrics, tags, inputs, artifacts). Register one with
/// <see cref="EventLoggers.Register"/>; a logger with the same <see cref="Name"/> as a default replaces it.
/// </summary>
/// <remarks>
/// Called on the caller's thread after the call returned (or failed): take the facts that may change later, let
/// <see cref="IRunWriter"/> enqueue, and hand anything slow (saving, scanning, building tables) to
/// <see cref="HookCall.InBackground"/> so the user's call returns at once. An exception is caught, reported as a <c>padre.logger.&lt;name&gt;.error</c>
/// tag and never reaches the user's code.
/// </remarks>
public interface IEventLogger
{
    /// <summary>Short lowercase name (<c>parameters</c>, <c>input</c>, ...); registering the same name replaces.</summary>
    string Name { get; }

    /// <summary>The events this logger handles.</summary>
    HookEvents Events { get; }

    /// <summary>Records what <paramref name="call"/> means for <paramref name="run"/>.</summary>
    void OnCall(HookCall call, IRunWriter run);
}
