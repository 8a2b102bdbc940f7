using BenchmarkDotNet.Running;

// Usage: PADRE_BENCH_SERVER=http://127.0.0.1:5150 dotnet run -c Release -- --filter '*'
// (benchmarks/run-store-benchmarks.sh starts the server and runs MLflow's Python client beside it).
BenchmarkSwitcher.FromAssembly(typeof(Padre.Pads.Benchmarks.Stores.StoreThroughput).Assembly).Run(args);
