using BenchmarkDotNet.Running;
using Padre.Pads.Benchmarks.Overhead;

// Usage: benchmarks/run-overhead-benchmarks.sh (builds the samples both ways, then runs everything here), or
//   PADRE_BENCH_SAMPLES=<dir of builds> dotnet run -c Release -- --filter '*SampleLaunch*'
//   dotnet run -c Release -- --filter '*RunStart*'
//   dotnet run -c Release -- first-run-start   (one cold process: the first StartRun's cost, printed in ms)
if (args is ["first-run-start", ..])
{
    return FirstRunStart.Measure(args.Length > 1 ? args[1] : null);
}

BenchmarkSwitcher.FromAssembly(typeof(SampleLaunch).Assembly).Run(args);
return 0;
