using BenchmarkDotNet.Attributes;
using Padre.Pads.Configuration;
using Padre.Pads.Export;
using Padre.Pads.Tracking;

namespace Padre.Pads.Benchmarks;

/// <summary>
/// What a LogMetric/LogParam costs the thread that calls it, with tracking on (validate, look up the key, enqueue)
/// and with tracking disabled. Each iteration runs <see cref="OperationsPerIteration"/> calls; before it, the queue is
/// emptied so the measurement is the enqueue path, not the spill path (which is covered by the export tests).
/// "caller_only" runs with the exporter stopped (the caller's path alone); "with_exporter" with the exporter draining
/// and spooling concurrently (lock contention and a core shared with it included).
/// </summary>
[MemoryDiagnoser]
public class CallerThreadBenchmarks
{
    private const int OperationsPerIteration = 262_144;
    private readonly List<ExportRecord> sink = new(OperationsPerIteration * 2);
    private readonly string[] paramKeys = [.. Enumerable.Range(0, OperationsPerIteration).Select(i => "param_" + i)];
    private TrackingSession session = null!;
    private TrackingSession quiet = null!;
    private Run quietRun = null!;
    private Run paramRun = null!;
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
        quiet = new TrackingSession(options, startExporter: false);
        disabled = new TrackingSession(options with { Disabled = true });
        disabledRun = disabled.StartRun("disabled", null, null);
        Tracker.Configure(options with { Disabled = true });
    }

    [IterationSetup]
    public void EmptyQueue()
    {
        sink.Clear();
        session.Exporter.Queue.DrainTo(sink);
        quiet.Exporter.Queue.DrainTo(sink);
        sink.Clear();
        run ??= session.StartRun("bench", null, null);
        quietRun ??= quiet.StartRun("bench-quiet", null, null);
        paramRun = quiet.StartRun("bench-params", null, null); // fresh: every key is new in it
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        quiet.DisposeAsync().AsTask().GetAwaiter().GetResult();
        disabled.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = OperationsPerIteration)]
    public void LogMetric_caller_only()
    {
        for (var i = 0; i < OperationsPerIteration; i++)
        {
            quietRun.LogMetric("loss", i, i);
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerIteration)]
    public void LogMetric_with_exporter()
    {
        for (var i = 0; i < OperationsPerIteration; i++)
        {
            run.LogMetric("loss", i, i);
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerIteration)]
    public void LogParam_caller_only_same_key()
    {
        for (var i = 0; i < OperationsPerIteration; i++)
        {
            quietRun.LogParam("lr", "0.01");
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerIteration)]
    public void LogParam_caller_only_new_keys()
    {
        for (var i = 0; i < OperationsPerIteration; i++)
        {
            paramRun.LogParam(paramKeys[i], "0.01");
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerIteration)]
    public void SetTag_caller_only()
    {
        for (var i = 0; i < OperationsPerIteration; i++)
        {
            quietRun.SetTag("phase", "train");
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
