using Padre.Pads.Hooks.Defaults;
using Padre.Pads.Tracking;

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

    // Registrations a program's module initializer handed over (RegisterLater): run by the warm-up thread, or by
    // whoever asks for the loggers first; until they have run, asking waits for them.
    private readonly object pendingGate = new();
    private Action? pending;

    /// <summary>The loggers in the order they run (after the registrations handed over to run later).</summary>
    public IEventLogger[] Snapshot
    {
        get
        {
            RegisterPending();
            return Volatile.Read(ref loggers);
        }
    }

    /// <summary>
    /// Keeps <paramref name="registrations"/> (the libraries' <c>Register()</c> calls a generated module initializer
    /// makes) to run later, off the program's thread before <c>Main</c>: they load the libraries and build their loggers.
    /// They run before anything reads, adds or removes loggers.
    /// </summary>
    public void RegisterLater(Action registrations)
    {
        lock (pendingGate)
        {
            pending += registrations;
        }
    }

    /// <summary>Runs the registrations handed over, once; a failing one is reported and the others still run.</summary>
    public void RegisterPending()
    {
        // The registrations themselves register loggers: on their own thread they must not wait for themselves.
        if (Volatile.Read(ref pending) is null || Monitor.IsEntered(pendingGate))
        {
            return;
        }

        lock (pendingGate)
        {
            if (pending is not { } registrations)
            {
                return;
            }

            try
            {
                foreach (var registration in registrations.GetInvocationList().Cast<Action>())
                {
                    try
                    {
                        registration();
                    }
                    catch (Exception e)
                    {
                        SdkLog.Warning(e, "A Padre.Pads registration ({Registration}) failed: {Reason}; its loggers are missing from the runs.", registration.Method.Name, e.Message);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref pending, null);
            }
        }
    }

    /// <summary>Adds <paramref name="logger"/>, replacing a registered logger of the same name.</summary>
    public void Register(IEventLogger logger)
    {
        RegisterPending();
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
        RegisterPending();
        lock (gate)
        {
            var list = new List<IEventLogger>(loggers);
            var removed = list.RemoveAll(l => l.Name == name) > 0;
            Volatile.Write(ref loggers, list.ToArray());
            return removed;
        }
    }
}
