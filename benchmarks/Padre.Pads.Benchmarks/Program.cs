using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Padre.Pads.Benchmarks.CallerThreadBenchmarks).Assembly).Run(args);
