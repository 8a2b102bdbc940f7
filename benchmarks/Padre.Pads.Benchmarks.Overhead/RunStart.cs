using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Padre.Pads.Configuration;

namespace Padre.Pads.Benchmarks.Overhead;

/// <summary>
/// What starting and ending a run costs the caller's thread with the process default session: every default run
/// logger (git, os, host, process, cpu, memory, disk, gpu, dotnet, packages, source, console, resources,
/// system-metrics) into a temporary SQLite store. <see cref="StartRun"/> is the time until <c>Tracker.StartRun</c>
/// returns (target ≤ 20 ms: the loggers run in the background); <see cref="StartRun_then_End"/> adds <c>End()</c>,
/// which waits (bounded by <c>PADRE_FLUSH_TIMEOUT_MS</c>) for the loggers' end values and the spool.
/// </summary>
[Config(typeof(RunStartConfig))]
public class RunStart
{
    private string directory = "";
    private Run? started;

    [GlobalSetup]
    public void DefaultSession()
    {
        directory = Directory.CreateTempSubdirectory("padre-run-start-").FullName;
        // As the process default, only with the store in a temporary folder (the repository stays the working
        // directory, so the git and source loggers have real work to do).
        Tracker.Configure(TrackingOptions.FromEnvironment() with
        {
            TrackingUri = TrackingUri.Parse("sqlite:///" + Path.Combine(directory, "mlflow.db")),
        });
    }

    [GlobalCleanup]
    public void Remove()
    {
        Tracker.Configure(new TrackingOptions { Disabled = true });
        Directory.Delete(directory, recursive: true);
    }

    [IterationCleanup(Target = nameof(StartRun))]
    public void EndStartedRun() => started?.End();

    [Benchmark]
    public Run StartRun() => started = Tracker.StartRun("run-start");

    [Benchmark]
    public void StartRun_then_End() => Tracker.StartRun("run-start-end").End();

    private sealed class RunStartConfig : ManualConfig
    {
        public RunStartConfig()
        {
            // One call per iteration: a run start is a millisecond-scale event with background work after it.
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(30)
                .WithId("RunStart"));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        }
    }
}
