using BenchmarkDotNet.Running;
using Padre.Pads.Benchmarks.Overhead;

// Usage: benchmarks/run-overhead-benchmarks.sh (builds the samples both ways, then runs everything here), or
//   PADRE_BENCH_SAMPLES=<dir of builds> dotnet run -c Release -- --filter '*SampleLaunch*'
//   dotnet run -c Release -- --filter '*RunStart*'
//   dotnet run -c Release -- first-run-start [DIR] [GAP_MS]   (one cold process: the first StartRun's cost, printed in ms;
//       with GAP_MS, as in a zero-change program: the generated module initializer's warm-up, then GAP_MS of the
//       program's own start-up before its first hooked call)
//   PADRE_BENCH_SAMPLES=<dir of builds> dotnet run -c Release -- sample-timeline 10   (time to first line and to exit)
if (args is ["first-run-start", ..])
{
    return FirstRunStart.Measure(args.Length > 1 ? args[1] : null, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : null);
}

if (args is ["sample-timeline", ..])
{
    var samples = Environment.GetEnvironmentVariable("PADRE_BENCH_SAMPLES")
        ?? throw new InvalidOperationException("PADRE_BENCH_SAMPLES is not set: run benchmarks/run-overhead-benchmarks.sh, which builds the samples with and without Padre.Pads and sets it to the samples folder.");
    return SampleTimeline.Measure(samples, args.Length > 1 && int.TryParse(args[1], out var rounds) && rounds > 0 ? rounds : 10);
}

BenchmarkSwitcher.FromAssembly(typeof(SampleLaunch).Assembly).Run(args);
return 0;
