namespace Padre.Pads.Hooks;

/// <summary>
/// What a hooked call produces for loggers (PyPads' events). Each <see cref="Hook"/> raises a default set
/// of events (<see cref="HookEventMap"/>); each <see cref="IEventLogger"/> handles some of them.
/// </summary>
[Flags]
public enum HookEvents
{
    /// <summary>No event.</summary>
    None = 0,

    /// <summary>The call's arguments (defaults included) and Options members, as run parameters.</summary>
    Parameters = 1,

    /// <summary>The datasets the call reads.</summary>
    Input = 2,

    /// <summary>What the call returns (fitted model, split, loaded data).</summary>
    Output = 4,

    /// <summary>Numeric results (metrics, per-class lists, confusion matrices).</summary>
    Metric = 8,

    /// <summary>Pipeline structure: which steps, in which order.</summary>
    Pipeline = 16,

    /// <summary>How long the call took.</summary>
    Timing = 32,
}

/// <summary>The default events of each hook.</summary>
public static class HookEventMap
{
    /// <summary>The events a call hooked at <paramref name="hooks"/> raises.</summary>
    public static HookEvents For(Hook hooks)
    {
        var events = HookEvents.None;
        if ((hooks & Hook.Init) != 0)
        {
            events |= HookEvents.Parameters | HookEvents.Pipeline;
        }

        if ((hooks & Hook.Fit) != 0)
        {
            events |= HookEvents.Parameters | HookEvents.Input | HookEvents.Output | HookEvents.Pipeline | HookEvents.Timing;
        }

        if ((hooks & Hook.Predict) != 0)
        {
            events |= HookEvents.Timing;
        }

        if ((hooks & Hook.Transform) != 0)
        {
            events |= HookEvents.Input | HookEvents.Timing;
        }

        if ((hooks & Hook.Metric) != 0)
        {
            events |= HookEvents.Metric | HookEvents.Input | HookEvents.Timing;
        }

        if ((hooks & Hook.Split) != 0)
        {
            events |= HookEvents.Parameters | HookEvents.Input | HookEvents.Output;
        }

        if ((hooks & Hook.Log) != 0)
        {
            events |= HookEvents.Parameters | HookEvents.Output | HookEvents.Timing;
        }

        return events;
    }
}
