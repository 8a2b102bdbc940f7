using Padre.Pads.Hooks.Defaults;

namespace Padre.Pads.Hooks;

/// <summary>
/// The registered event loggers, PyPads' defaults first. Copy-on-write: hooked calls read the array without
/// locking; registration is rare (module initializers, a user switching a default off).
/// </summary>
internal sealed class EventLoggerSet
{
    private readonly object gate = new();

    private IEventLogger[] loggers =
    [
        new ParametersLogger(),
        new InputLogger(),
        new OutputLogger(),
        new MetricLogger(),
        new PipelineLogger(),
        new TimingLogger(),
    ];

    /// <summary>The loggers in the order they run.</summary>
    public IEventLogger[] Snapshot => Volatile.Read(ref loggers);

    /// <summary>Adds <paramref name="logger"/>, replacing a registered logger of the same name.</summary>
    public void Register(IEventLogger logger)
    {
        lock (gate)
        {
            var list = new List<IEventLogger>(loggers);
            var index = list.FindIndex(l => l.Name == logger.Name);
            if (index >= 0)
            {
                list[index] = logger;
            }
            else
            {
                list.Add(logger);
            }

            Volatile.Write(ref loggers, list.ToArray());
        }
    }

    /// <summary>Removes the logger named <paramref name="name"/>; false when none was registered.</summary>
    public bool Remove(string name)
    {
        lock (gate)
        {
            var list = new List<IEventLogger>(loggers);
            var removed = list.RemoveAll(l => l.Name == name) > 0;
            Volatile.Write(ref loggers, list.ToArray());
            return removed;
        }
    }
}
