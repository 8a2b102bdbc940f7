using System.Diagnostics;

namespace Padre.Pads.Hooks;

/// <summary>
/// A static, generated description of one intercepted call site: where it is, what it calls, which hooks
/// apply and what its parameters are. One instance per site lives in a static field of generated code;
/// hot sites (predict) also aggregate their call count and time here, so a call allocates nothing.
/// </summary>
public sealed class InterceptionSite
{
    private long _calls;
    private long _ticks;
    private int _registered;

    /// <summary>Creates a site description (called by generated code only).</summary>
    public InterceptionSite(
        string file,
        int line,
        int column,
        string target,
        Hook hooks,
        string step,
        SiteParameter[] parameters,
        ExperimentInfo? experiment = null,
        DatasetInfo? dataset = null)
    {
        File = file;
        Line = line;
        Column = column;
        Target = target;
        Hooks = hooks;
        Step = step;
        Parameters = parameters;
        Experiment = experiment;
        Dataset = dataset;
        Events = HookEventMap.For(hooks);
    }

    /// <summary>The source file name of the call.</summary>
    public string File { get; }

    /// <summary>1-based line of the call.</summary>
    public int Line { get; }

    /// <summary>1-based column of the call.</summary>
    public int Column { get; }

    /// <summary>The called method, e.g. <c>EstimatorChain&lt;TLastTransformer&gt;.Fit</c>.</summary>
    public string Target { get; }

    /// <summary>The hooks that apply.</summary>
    public Hook Hooks { get; }

    /// <summary>The events the hooks raise.</summary>
    public HookEvents Events { get; }

    /// <summary>The tracking name of the step (the method name unless the mapping names it).</summary>
    public string Step { get; }

    /// <summary>The parameters, aligned with <see cref="HookCall.Arguments"/>.</summary>
    public IReadOnlyList<SiteParameter> Parameters { get; }

    /// <summary>Set when the target is a <c>[PadreExperiment]</c> method.</summary>
    public ExperimentInfo? Experiment { get; }

    /// <summary>Set when the target is a <c>[PadreDataset]</c> method.</summary>
    public DatasetInfo? Dataset { get; }

    /// <summary><c>Step@File:Line</c>: names this site in keys and messages.</summary>
    public string Key => $"{Step}@{File}:{Line}";

    /// <summary>Calls aggregated so far (hot sites only).</summary>
    public long Calls => Volatile.Read(ref _calls);

    /// <summary>Time spent in aggregated calls.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Volatile.Read(ref _ticks));

    /// <summary>Counts one call that started at <paramref name="startedTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Record(long startedTimestamp)
    {
        var elapsed = Stopwatch.GetTimestamp() - startedTimestamp;
        Interlocked.Increment(ref _calls);
        Interlocked.Add(ref _ticks, elapsed);
        if (_registered == 0 && Interlocked.Exchange(ref _registered, 1) == 0)
        {
            Tracker.HookRegistry.Sites.Hit(this);
        }
    }

    /// <summary>Returns the aggregate since the last call and starts a new one (at run end).</summary>
    internal (long Calls, TimeSpan Elapsed) Drain()
    {
        var calls = Interlocked.Exchange(ref _calls, 0);
        var ticks = Interlocked.Exchange(ref _ticks, 0);
        return (calls, Stopwatch.GetElapsedTime(0, ticks));
    }

    /// <inheritdoc />
    public override string ToString() => $"{Target} at {File}({Line},{Column})";
}
