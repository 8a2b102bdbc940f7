using BenchmarkDotNet.Running;
using Padre.Pads.Benchmarks.Overhead;

// Usage: benchmarks/run-overhead-benchmarks.sh (builds the samples both ways, then runs everything here), or
//   PADRE_BENCH_SAMPLES=<dir of builds> dotnet run -c Release -- --filter '*SampleLaunch*'
//   dotnet run -c Release -- --filter '*RunStart*'
//   dotnet run -c Release -- first-run-start   (one cold process: the first StartRun's cost, printed in ms)
//   PADRE_BENCH_SAMPLES=<dir of builds> dotnet run -c Release -- sample-timeline 10   (time to first line and to exit)
if (args is ["first-run-start", ..])
{
    return FirstRunStart.Measure(args.Length > 1 ? args[1] : null);
}

if (args is ["sample-timeline", ..])
{
    var samples = Environment.GetEnvironmentVariable("PADRE_BENCH_SAMPLES")
        ?? throw new InvalidOperationException("PADRE_BENCH_SAMPLES is not set: run benchmarks/run-overhead-benchmarks.sh, which builds the samples with and without Padre.Pads and sets it to the samples folder.");
    return SampleTimeline.Measure(samples, args.Length > 1 && int.TryParse(args[1], out var rounds) && rounds > 0 ? rounds : 10);
}

BenchmarkSwitcher.FromAssembly(typeof(SampleLaunch).Assembly).Run(args);
return 0;
