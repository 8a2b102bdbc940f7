using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// BenchmarkDotNet's default toolchain builds a generated project that references this one, which rebuilds
// Padre.Pads, the generator and the analyzers with BenchmarkDotNet's own output paths: on a loaded 2-core machine
// that takes more than BenchmarkDotNet's default 120 s build timeout, and the build is killed ("failed to build").
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
BenchmarkSwitcher.FromAssembly(typeof(Padre.Pads.Benchmarks.Interception.InterceptionBenchmarks).Assembly).Run(args, config);
