using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Padre.Pads.Configuration;

namespace Padre.Pads.Benchmarks.Stores;

/// <summary>
/// Metrics logged one by one through <see cref="Tracker"/>, timed from the first call until the store confirmed
/// every point (<see cref="Tracker.Flush"/> returned true), the same span MLflow's Python baseline times
/// (benchmarks/baselines/mlflow_python_baseline.py). The run is started before and ended after the timed span,
/// as in the baseline.
/// </summary>
[Config(typeof(ShortInProcess))]
[MemoryDiagnoser]
public class StoreThroughput
{
    private static readonly TimeSpan Confirm = TimeSpan.FromMinutes(5);
    private string work = "";
    private Run? run;

    /// <summary>Which store: a real MLflow server (PADRE_BENCH_SERVER), the SQLite store, or the file store.</summary>
    [Params("server", "sqlite", "file")]
    public string Store { get; set; } = "sqlite";

    /// <summary>Points per measured span: 1000 for the server, 10,000 for local stores (the targets' sizes).</summary>
    public int Count => Store == "server" ? 1000 : 10_000;

    [GlobalSetup]
    public void Setup()
    {
        work = Directory.CreateTempSubdirectory("padre-bench-stores-").FullName;
        var uri = Store switch
        {
            "server" => Environment.GetEnvironmentVariable("PADRE_BENCH_SERVER")
                ?? throw new InvalidOperationException("Set PADRE_BENCH_SERVER to a running MLflow server (benchmarks/run-store-benchmarks.sh does)."),
            "sqlite" => "sqlite:///" + Path.Combine(work, "mlflow.db"),
            _ => "file://" + Path.Combine(work, "mlruns"),
        };
        Tracker.Configure(new TrackingOptions
        {
            TrackingUri = TrackingUri.Parse(uri, work),
            SpoolDirectory = Path.Combine(work, "spool"),
            ExperimentName = "padre-bench",
        });
    }

    [IterationSetup]
    public void StartRun()
    {
        run = Tracker.StartRun(experimentName: "padre-bench");
        if (!Tracker.Flush(Confirm))
        {
            throw new InvalidOperationException("The run was not created on the store.");
        }
    }

    [Benchmark]
    public void Metrics_one_by_one_until_confirmed()
    {
        var rejectedBefore = Tracker.Delivery.Rejected;
        var n = Count;
        for (var i = 0; i < n; i++)
        {
            Tracker.LogMetric("m", i, i);
        }

        if (!Tracker.Flush(Confirm))
        {
            throw new InvalidOperationException("The store did not confirm the metrics.");
        }

        // Flush also returns once records are rejected for good: a span of rejections is not throughput.
        if (Tracker.Delivery.Rejected != rejectedBefore)
        {
            throw new InvalidOperationException($"The store rejected {Tracker.Delivery.Rejected - rejectedBefore} records; see the [padre] warnings above.");
        }
    }

    [IterationCleanup]
    public void EndRun() => run?.End();

    [GlobalCleanup]
    public void Cleanup()
    {
        Tracker.Configure(new TrackingOptions { Disabled = true });
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}

/// <summary>
/// One job: each iteration is one cold span (first call to confirmation), 1 warm-up + 5 measured, in process
/// (each span takes seconds, so per-invocation overhead is irrelevant and no extra build is needed).
/// </summary>
public sealed class ShortInProcess : ManualConfig
{
    public ShortInProcess() => AddJob(Job.Default
        .WithStrategy(RunStrategy.Monitoring)
        .WithLaunchCount(1)
        .WithWarmupCount(1)
        .WithIterationCount(5)
        .WithToolchain(InProcessEmitToolchain.Instance));
}
