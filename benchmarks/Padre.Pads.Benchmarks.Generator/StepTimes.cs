using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Padre.Pads.Generators;

namespace Padre.Pads.Benchmarks.Generator;

/// <summary>
/// Where one generator run's time goes, by pipeline step (Roslyn's own step timings, the first run in a fresh
/// process like cold csc, then warm runs), next to the driver's figure for the generator (what csc's
/// <c>ReportAnalyzer</c> prints) and the generated code's size. Quick: no BenchmarkDotNet.
/// <paramref name="touchFirst"/>: before the generator runs, the compilation does what csc does for any build before
/// binding method bodies (binds its references and declares every source symbol, with their declaration
/// diagnostics), so the first run no longer charges that first touch to whichever generator step comes first.
/// </summary>
internal static class StepTimes
{
    public static int Run(int runs, bool touchFirst = false)
    {
        var project = SyntheticProject.Write();
        File.WriteAllText(project.EditedFilePath, SyntheticProject.EditedFileOriginalText);
        var inputs = CompileInputs.Load(project);
        Console.WriteLine($"load average: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown")}");
        for (var run = 0; run < runs; run++)
        {
            var compilation = CompileInputs.Compilation(inputs.Parse(), inputs.References);
            if (touchFirst)
            {
                var touch = Stopwatch.StartNew();
                var declarationDiagnostics = compilation.GetDeclarationDiagnostics().Length;
                Console.WriteLine($"run {run + 1}: compilation touched first (references bound, symbols declared, {declarationDiagnostics} declaration diagnostics) in {touch.Elapsed.TotalMilliseconds:F0} ms");
            }

            GeneratorDriver driver = CSharpGeneratorDriver.Create(
                [new PadreGenerator().AsSourceGenerator()],
                parseOptions: CompileInputs.ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            var wall = clock.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var result = driver.GetRunResult().Results.Single();
            var timing = driver.GetTimingInfo().GeneratorTimes.Single();
            var size = result.GeneratedSources.Sum(s => s.SourceText.Length);
            // A digest of the generated code, so a change meant to be faster only can be checked to emit the same code.
            var digest = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
                string.Concat(result.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.HintName + "\n" + s.SourceText)))))[..16];
            Console.WriteLine($"run {run + 1}{(run == 0 ? " (first in process)" : string.Empty)}: generator {timing.ElapsedTime.TotalMilliseconds:F0} ms (wall {wall.TotalMilliseconds:F0} ms, process CPU {cpu.TotalMilliseconds:F0} ms), " +
                $"{result.GeneratedSources.Length} files, {size / 1024} KiB, digest {digest}");
            // How many calls are bound (the Candidates step's spans; its value type is internal to the generator).
            var candidates = result.TrackedSteps[PadreGenerator.Steps.Candidates].SelectMany(r => r.Outputs)
                .Select(o => ((System.Collections.IEnumerable)o.Value.GetType().GetProperty("Spans")!.GetValue(o.Value)!).Cast<object>().Count())
                .ToList();
            Console.WriteLine($"  candidate calls bound: {candidates.Sum()} in {candidates.Count(c => c > 0)} files");
            foreach (var (name, steps) in result.TrackedSteps.OrderByDescending(s => s.Value.Sum(r => r.ElapsedTime.Ticks)))
            {
                Console.WriteLine($"  {name,-20} {steps.Sum(r => r.ElapsedTime.TotalMilliseconds),8:F1} ms over {steps.Length} runs");
            }
        }

        return 0;
    }
}
