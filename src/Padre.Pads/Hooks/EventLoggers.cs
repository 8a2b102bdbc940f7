namespace Padre.Pads.Hooks;

/// <summary>
/// The event loggers every hooked call goes through: PyPads' defaults (parameters, input, output, metric,
/// pipeline, timing) plus what users and libraries register.
/// </summary>
/// <remarks>
/// A library (e.g. Padre.Pads.MLNet) registers by naming a type in
/// <c>[assembly: PadreRegistration(typeof(X))]</c>; the generator then calls <c>X.Register()</c> from a module
/// initializer in the user's program, so registration happens before the first hooked call, without reflection.
/// Registrations belong to the program, not to one tracking session: they stay in effect when
/// <c>Tracker.Configure</c> starts a new session. The set itself lives under the tracker root.
/// </remarks>
public static class EventLoggers
{
    /// <summary>The loggers in the order they run.</summary>
    public static IReadOnlyList<IEventLogger> Current => Snapshot;

    /// <summary>Adds <paramref name="logger"/>, replacing a registered logger of the same name.</summary>
    public static void Register(IEventLogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        Tracker.HookRegistry.EventLoggers.Register(logger);
    }

    /// <summary>Removes the logger named <paramref name="name"/> (e.g. to switch a default off).</summary>
    public static bool Remove(string name) => Tracker.HookRegistry.EventLoggers.Remove(name);

    internal static IEventLogger[] Snapshot => Tracker.HookRegistry.EventLoggers.Snapshot;
}
