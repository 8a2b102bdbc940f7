using Padre.Pads.Hooks.Defaults;

namespace Padre.Pads.Hooks;

/// <summary>
/// The event loggers every hooked call goes through: PyPads' defaults (parameters, input, output, metric,
/// pipeline, timing) plus what users and libraries register.
/// </summary>
/// <remarks>
/// A library (e.g. Padre.Pads.MLNet) registers by naming a type in
/// <c>[assembly: PadreRegistration(typeof(X))]</c>; the generator then calls <c>X.Register()</c> from a module
/// initializer in the user's program, so registration happens before the first hooked call, without reflection.
/// </remarks>
public static class EventLoggers
{
    // Copy-on-write: hooked calls read the array without locking; registration is rare.
    private static IEventLogger[] s_loggers =
    [
        new ParametersLogger(),
        new InputLogger(),
        new OutputLogger(),
        new MetricLogger(),
        new PipelineLogger(),
        new TimingLogger(),
    ];

    private static readonly object Gate = new();

    /// <summary>The loggers in the order they run.</summary>
    public static IReadOnlyList<IEventLogger> Current => Volatile.Read(ref s_loggers);

    /// <summary>Adds <paramref name="logger"/>, replacing a registered logger of the same name.</summary>
    public static void Register(IEventLogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        lock (Gate)
        {
            var list = new List<IEventLogger>(s_loggers);
            var index = list.FindIndex(l => l.Name == logger.Name);
            if (index >= 0)
            {
                list[index] = logger;
            }
            else
            {
                list.Add(logger);
            }

            Volatile.Write(ref s_loggers, list.ToArray());
        }
    }

    /// <summary>Removes the logger named <paramref name="name"/> (e.g. to switch a default off).</summary>
    public static bool Remove(string name)
    {
        lock (Gate)
        {
            var list = new List<IEventLogger>(s_loggers);
            var removed = list.RemoveAll(l => l.Name == name) > 0;
            Volatile.Write(ref s_loggers, list.ToArray());
            return removed;
        }
    }

    internal static IEventLogger[] Snapshot => Volatile.Read(ref s_loggers);
}
