using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Padre.Pads.Benchmarks.Interception.InterceptionBenchmarks).Assembly).Run(args);
