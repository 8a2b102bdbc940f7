using System.Collections.Concurrent;
using System.Diagnostics;
using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Records what the run cost, as metrics so runs can be sorted by them: wall time, CPU time (user, system),
/// peak working set, GC collections per generation; and the status the run ended with as a tag.
/// </summary>
internal sealed class ResourcesLogger(TimeProvider time) : IRunLogger
{
    private readonly ConcurrentDictionary<string, Start> _starts = new(StringComparer.Ordinal);

    public string Name => "resources";

    public void OnRunStarted(IRunWriter run)
    {
        using var self = Process.GetCurrentProcess();
        _starts[run.RunId] = new Start(time.GetTimestamp(), self.UserProcessorTime, self.PrivilegedProcessorTime,
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
        run.SetTag("padre.run.status", status.ToString().ToUpperInvariant());
        if (!_starts.TryRemove(run.RunId, out var start))
            return;
        run.LogMetric("resources/wall_time_seconds", time.GetElapsedTime(start.Timestamp).TotalSeconds);
        var unavailable = new Unavailable(Name);
        try
        {
            using var self = Process.GetCurrentProcess();
            run.LogMetric("resources/cpu_user_seconds", (self.UserProcessorTime - start.User).TotalSeconds);
            run.LogMetric("resources/cpu_system_seconds", (self.PrivilegedProcessorTime - start.System).TotalSeconds);
            // The process's peak so far: the figure that matters for "will it fit on a smaller machine".
            run.LogMetric("resources/peak_working_set_megabytes", Megabytes.Of(self.PeakWorkingSet64));
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or PlatformNotSupportedException)
        {
            unavailable.Add("cpu time, peak working set", e.Message);
        }
        run.LogMetric("resources/gc_gen0_collections", GC.CollectionCount(0) - start.Gen0);
        run.LogMetric("resources/gc_gen1_collections", GC.CollectionCount(1) - start.Gen1);
        run.LogMetric("resources/gc_gen2_collections", GC.CollectionCount(2) - start.Gen2);
        unavailable.WriteTo(run);
    }

    private sealed record Start(long Timestamp, TimeSpan User, TimeSpan System, int Gen0, int Gen1, int Gen2);
}
