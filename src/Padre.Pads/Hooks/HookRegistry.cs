namespace Padre.Pads.Hooks;

/// <summary>
/// The hooks' share of the tracker root: what interceptors attach to, the event loggers every hooked call runs and
/// the per-site counts of hot calls. <see cref="Tracker"/> holds the one instance, so the process has a single
/// root of static state; <see cref="Interception"/> and <see cref="EventLoggers"/> are stateless entry points to it.
/// </summary>
/// <remarks>
/// Lifetimes differ on purpose: the host and the event loggers belong to the program (module initializers attach
/// and register them once per process), so they outlive <c>Tracker.Configure</c>; the site counts belong to the
/// runs of one tracking session, so <c>Tracker.Configure</c> discards what the old session left.
/// </remarks>
internal sealed class HookRegistry
{
    private IHookHost? host;

    // Read by every interceptor before anything else: a plain field, so tracking off costs one load.
    private bool enabled;

    /// <summary>Whether interceptors record (false: every interceptor is a plain forward).</summary>
    public bool InterceptionEnabled => enabled;

    /// <summary>The attached host, or null.</summary>
    public IHookHost? Host => Volatile.Read(ref host);

    /// <summary>The event loggers hooked calls run.</summary>
    public EventLoggerSet EventLoggers { get; } = new();

    /// <summary>The aggregated counts and times of hot sites.</summary>
    public SiteStatistics Sites { get; } = new();

    /// <summary>Attaches <paramref name="tracker"/> unless a host is attached already; provisionally enabled.</summary>
    public void AttachIfNone(IHookHost tracker)
    {
        if (Interlocked.CompareExchange(ref host, tracker, null) is null)
        {
            Volatile.Write(ref enabled, true);
        }
    }

    /// <summary>Attaches a host (null detaches and turns interception off).</summary>
    public void Attach(IHookHost? attached)
    {
        Volatile.Write(ref host, attached);
        Volatile.Write(ref enabled, attached?.IsEnabled == true);
    }

    /// <summary>Asks the host again whether tracking is on (after the tracker was reconfigured).</summary>
    public void Refresh() => Volatile.Write(ref enabled, Host?.IsEnabled == true);

    /// <summary>Turns interception off for good when the host reports tracking disabled.</summary>
    public void TurnOff() => Volatile.Write(ref enabled, false);
}
