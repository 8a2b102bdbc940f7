using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Padre.Pads.Benchmarks.Overhead;

/// <summary>
/// The user's wall time of each sample, process start to exit: built without Padre.Pads (<c>plain</c>, the baseline),
/// built with it and tracking (every run logger on, the embedded SQLite store), and built with it but
/// <c>PADRE_DISABLED=true</c> (the package loaded and its interceptors in place, nothing recorded). Every launch gets a
/// fresh temporary working directory, so each tracked launch creates <c>mlflow.db</c> and its spool from nothing.
/// </summary>
/// <remarks>
/// The builds come from <c>benchmarks/run-overhead-benchmarks.sh</c>: <c>$PADRE_BENCH_SAMPLES/&lt;sample&gt;/bin/overhead/{plain,tracked}</c>,
/// <c>PADRE_BENCH_SAMPLES</c> being the repository's <c>samples</c> folder.
/// One launch per iteration (Monitoring strategy); <c>PADRE_BENCH_ITERATIONS</c> sets how many (default 15).
/// </remarks>
[Config(typeof(LaunchConfig))]
public class SampleLaunch
{
    private string builds = "";
    private string work = "";

    /// <summary>The samples measured: all three, or those named in <c>PADRE_BENCH_SAMPLE_NAMES</c> (comma-separated).</summary>
    public static IEnumerable<string> Samples() =>
        Environment.GetEnvironmentVariable("PADRE_BENCH_SAMPLE_NAMES") is { Length: > 0 } names
            ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : ["IrisClassification", "TaxiFareRegression", "SentimentBinary"];

    [ParamsSource(nameof(Samples))]
    public string Sample { get; set; } = "";

    [GlobalSetup]
    public void FindBuilds()
    {
        builds = Environment.GetEnvironmentVariable("PADRE_BENCH_SAMPLES")
            ?? throw new InvalidOperationException("PADRE_BENCH_SAMPLES is not set: run benchmarks/run-overhead-benchmarks.sh, which builds the samples with and without Padre.Pads and sets it to the samples folder.");
        foreach (var variant in new[] { "plain", "tracked" })
        {
            var dll = Program(variant);
            if (!File.Exists(dll))
                throw new InvalidOperationException($"{dll} is missing: build the sample with benchmarks/run-overhead-benchmarks.sh.");
        }
    }

    [IterationSetup]
    public void FreshWorkingDirectory() => work = Directory.CreateTempSubdirectory("padre-overhead-").FullName;

    [IterationCleanup]
    public void RemoveWorkingDirectory() => Directory.Delete(work, recursive: true);

    /// <summary>The sample built with <c>-p:PadrePadsWiring=none</c>: no reference, no generator, no interceptors.</summary>
    [Benchmark(Baseline = true)]
    public int Plain() => Launch("plain");

    /// <summary>The sample as the repository builds it: zero-change tracking into <c>sqlite:///mlflow.db</c>, every run logger on.</summary>
    [Benchmark]
    public int Tracked() => Launch("tracked");

    /// <summary>The tracked build with <c>PADRE_DISABLED=true</c>: the cost of the package being there, not of tracking.</summary>
    [Benchmark]
    public int Tracked_but_disabled() => Launch("tracked", ("PADRE_DISABLED", "true"));

    private string Program(string variant) => Path.Combine(builds, Sample, "bin", "overhead", variant, Sample + ".dll");

    private int Launch(string variant, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program(variant));
        // The benchmark's own settings must not leak into the program: every launch uses the defaults.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MLFLOW_", StringComparison.Ordinal) || k.StartsWith("PADRE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Sample} ({variant}) exited with {process.ExitCode}: {error.Result}");
        return output.Result.Length;
    }

    private sealed class LaunchConfig : ManualConfig
    {
        public LaunchConfig()
        {
            var iterations = int.TryParse(Environment.GetEnvironmentVariable("PADRE_BENCH_ITERATIONS"), out var n) && n > 0 ? n : 15;
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(iterations)
                .WithId("Launch"));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
            AddColumn(RankColumn.Arabic);
            SummaryStyle = BenchmarkDotNet.Reports.SummaryStyle.Default.WithRatioStyle(RatioStyle.Percentage);
        }
    }
}
