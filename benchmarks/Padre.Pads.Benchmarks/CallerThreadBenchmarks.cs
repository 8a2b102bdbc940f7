using BenchmarkDotNet.Attributes;
using Padre.Pads.Configuration;
using Padre.Pads.Export;
using Padre.Pads.Tracking;

namespace Padre.Pads.Benchmarks;

/// <summary>
/// What a LogMetric/LogParam costs the thread that calls it, with tracking on (validate, look up the key, enqueue)
/// and with tracking disabled. Each iteration runs <see cref="OperationsPerIteration"/> calls; before it, the queue is
/// emptied so the measurement is the enqueue path, not the spill path (which is measured by the export tests).
/// </summary>
[MemoryDiagnoser]
public class CallerThreadBenchmarks
{
    private const int OperationsPerIteration = 262_144;
    private readonly List<ExportRecord> sink = new(OperationsPerIteration * 2);
    private readonly string[] paramKeys = [.. Enumerable.Range(0, OperationsPerIteration).Select(i => "param_" + i)];
    private TrackingSession session = null!;
    private TrackingSession disabled = null!;
    private Run run = null!;
    private Run disabledRun = null!;

    [GlobalSetup]
    public void Setup()
    {
        var spool = Directory.CreateTempSubdirectory("padre-bench-").FullName;
        var options = new TrackingOptions
        {
            SpoolDirectory = spool,
            StoreFactory = (_, _) => new NullStore(),
            QueueCapacity = OperationsPerIteration * 4,
            QueueFullWait = TimeSpan.Zero,
            FlushInterval = TimeSpan.FromHours(1),
        };
        session = new TrackingSession(options);
        disabled = new TrackingSession(options with { Disabled = true });
        disabledRun = disabled.StartRun("disabled", null, null);
        Tracker.Configure(options with { Disabled = true });
    }

    [IterationSetup]
    public void EmptyQueue()
    {
        sink.Clear();
        session.Exporter.Queue.DrainTo(sink);
        run?.End();
        run = session.StartRun("bench", null, null);
        sink.Clear();
        session.Exporter.Queue.DrainTo(sink);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        disabled.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = OperationsPerIteration)]
    public void LogMetric_tracking_on()
    {
        for (var i = 0; i < OperationsPerIteration; i++)
        {
            run.LogMetric("loss", i, i);
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerIteration)]
    public void LogParam_tracking_on_new_keys()
    {
        for (var i = 0; i < OperationsPerIteration; i++)
        {
            run.LogParam(paramKeys[i], "0.01");
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerIteration)]
    public void LogMetric_disabled()
    {
        for (var i = 0; i < OperationsPerIteration; i++)
        {
            disabledRun.LogMetric("loss", i, i);
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerIteration)]
    public void Tracker_LogMetric_disabled()
    {
        for (var i = 0; i < OperationsPerIteration; i++)
        {
            Tracker.LogMetric("loss", i, i);
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerIteration)]
    public void LogParam_disabled()
    {
        for (var i = 0; i < OperationsPerIteration; i++)
        {
            disabledRun.LogParam(paramKeys[i], "0.01");
        }
    }
}
