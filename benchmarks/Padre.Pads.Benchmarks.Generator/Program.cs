using BenchmarkDotNet.Running;
using Padre.Pads.Benchmarks.Generator;

// `write [folder]`: only write the synthetic project; `prepare`: write, restore and build it (both wirings);
// `compiler-report`: csc's own generator timings;
// anything else goes to BenchmarkDotNet (CompileBenchmarks: Roslyn in-process; BuildBenchmarks: dotnet build).
switch (args)
{
    case ["write", .. var rest]:
        Console.WriteLine(SyntheticProject.Write(rest.FirstOrDefault()).ProjectFile);
        return 0;
    case ["prepare"]:
        var project = SyntheticProject.Write();
        DotnetBuild.Prepare(project);
        Console.WriteLine(project.ProjectFile);
        return 0;
    case ["compiler-report"]:
        return CompilerReport.Run();
    default:
        BenchmarkSwitcher.FromAssembly(typeof(CompileBenchmarks).Assembly).Run(args);
        return 0;
}
