using System.Diagnostics;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.MLNet.Timing;

/// <summary>
/// Measures one operation (a fit, a transform, an evaluation): wall time, CPU time and allocated bytes.
/// Start it before the call, <see cref="Stop"/> after.
/// </summary>
/// <remarks>
/// CPU time and allocations are process-wide, because ML.NET trains on worker threads that a per-thread measure
/// would miss; work that other threads do at the same time is counted too. Allocations are read precisely
/// (allocation contexts flushed): a few microseconds per measure, negligible next to a fit.
/// </remarks>
public readonly struct OperationTiming
{
    private readonly long _started;
    private readonly TimeSpan _cpu;
    private readonly long _allocated;

    private OperationTiming(long started, TimeSpan cpu, long allocated)
    {
        _started = started;
        _cpu = cpu;
        _allocated = allocated;
    }

    /// <summary>Starts measuring.</summary>
    public static OperationTiming Start() => new(Stopwatch.GetTimestamp(), CpuTime(), GC.GetTotalAllocatedBytes(precise: true));

    /// <summary>Stops measuring and returns what the operation took.</summary>
    public OperationMeasure Stop()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        return new OperationMeasure(elapsed, CpuTime() - _cpu, Math.Max(0, GC.GetTotalAllocatedBytes(precise: true) - _allocated));
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}

/// <summary>What one operation took.</summary>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="CpuTime">Processor time of the whole process during the operation (may exceed <paramref name="Elapsed"/> on several cores).</param>
/// <param name="AllocatedBytes">Bytes allocated by the whole process during the operation.</param>
public readonly record struct OperationMeasure(TimeSpan Elapsed, TimeSpan CpuTime, long AllocatedBytes)
{
    /// <summary>
    /// Logs <c>time/&lt;operation&gt;/wall_seconds</c>, <c>time/&lt;operation&gt;/cpu_seconds</c> and
    /// <c>time/&lt;operation&gt;/allocated_bytes</c> at <paramref name="step"/> (the call's index, so repeated calls form a history).
    /// </summary>
    public void Log(IRunWriter run, string operation, long step = 0)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        var key = MlflowRules.SanitizeKey("time/" + operation.Replace('/', '_'));
        run.LogMetric(key + "/wall_seconds", Elapsed.TotalSeconds, step);
        run.LogMetric(key + "/cpu_seconds", CpuTime.TotalSeconds, step);
        run.LogMetric(key + "/allocated_bytes", AllocatedBytes, step);
    }
}
