using BenchmarkDotNet.Running;
using Padre.Pads.Benchmarks.Generator;

// `write [folder]`: only write the synthetic project; `prepare`: write, restore and build it (both wirings);
// `compiler-report [runs]`: csc's own generator timings (default 3 measured rebuilds per compiler);
// `steps`: one generator run's time by pipeline step (first run in the process, then two warm runs);
// `steps touched`: the same after the compilation bound its references and declared its symbols (csc's work anyway);
// `jit`: what one cold csc rebuild JIT-compiles for the generator and analyzers (ReadyToRun check);
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
        return CompilerReport.Run(measuredRuns: 3);
    case ["steps"]:
        return StepTimes.Run(3);
    case ["steps", "touched"]:
        return StepTimes.Run(3, touchFirst: true);
    case ["jit"]:
        return JitReport.Run();
    case ["compiler-report", var runs]:
        return CompilerReport.Run(int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture));
    default:
        BenchmarkSwitcher.FromAssembly(typeof(CompileBenchmarks).Assembly).Run(args);
        return 0;
}
