using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Padre.Pads.Generators;

namespace Padre.Pads.Benchmarks.Generator;

/// <summary>
/// The generator's share of compiling the 200-file project, in-process with Roslyn: the same files and
/// references (those csc got in the real build) parsed, compiled and emitted (PE + portable PDB) without and with
/// <see cref="PadreGenerator"/> run through <see cref="CSharpGeneratorDriver"/>; the driver alone; and the driver
/// re-run on a warm state after a one-line edit of one file (what an IDE or a later incremental compile pays).
/// </summary>
[Config(typeof(CompileJob))]
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private CompileInputs _inputs = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _warmCompilation = null!;
    private SyntaxTree _editedTreeBefore = null!;
    private string _editedText = null!;

    [GlobalSetup]
    public void Setup()
    {
        var project = SyntheticProject.Write();
        File.WriteAllText(project.EditedFilePath, SyntheticProject.EditedFileOriginalText);
        _inputs = CompileInputs.Load(project);

        _warmCompilation = CompileInputs.Compilation(_inputs.Parse(), _inputs.References);
        _warmDriver = NewDriver().RunGeneratorsAndUpdateCompilation(_warmCompilation, out var generated, out var diagnostics);
        var errors = generated.GetDiagnostics().Concat(diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var generatedFiles = generated.SyntaxTrees.Count() - _warmCompilation.SyntaxTrees.Count();
        if (errors.Count > 0 || generatedFiles < 100)
        {
            throw new InvalidOperationException(
                $"The synthetic project must compile with the generator and get interceptors for its ML.NET and attributed files: " +
                $"{generatedFiles} generated files, errors: {string.Join("; ", errors.Take(5))}");
        }

        var generatedText = generated.SyntaxTrees.Skip(_warmCompilation.SyntaxTrees.Count()).Select(t => t.GetText().ToString()).ToList();
        var interceptors = generatedText.Sum(t => t.Split("[global::System.Runtime.CompilerServices.InterceptsLocation(").Length - 1);
        Console.WriteLine($"// {_inputs.Files.Length} files, {_inputs.References.Length} references; generated: {generatedFiles} files, " +
            $"{interceptors} interceptors, {generatedText.Sum(t => t.Length) / 1024} KiB of C#");
        _editedTreeBefore = _warmCompilation.SyntaxTrees.Single(t => t.FilePath == project.EditedFilePath);
        _editedText = SyntheticSources.Edited(SyntheticProject.EditedFileOriginalText, 1);
    }

    [Benchmark(Baseline = true)]
    public EmitResult Compile_without_generator() =>
        Emit(CompileInputs.Compilation(_inputs.Parse(), _inputs.References));

    [Benchmark]
    public EmitResult Compile_with_generator()
    {
        NewDriver().RunGeneratorsAndUpdateCompilation(CompileInputs.Compilation(_inputs.Parse(), _inputs.References), out var generated, out _);
        return Emit(generated);
    }

    [Benchmark]
    public GeneratorDriver Generator_alone() =>
        NewDriver().RunGenerators(CompileInputs.Compilation(_inputs.Parse(), _inputs.References));

    [Benchmark]
    public GeneratorDriver Generator_after_one_line_edit()
    {
        var edited = CSharpSyntaxTree.ParseText(_editedText, CompileInputs.ParseOptions, _editedTreeBefore.FilePath);
        return _warmDriver.RunGenerators(_warmCompilation.ReplaceSyntaxTree(_editedTreeBefore, edited));
    }

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            [new PadreGenerator().AsSourceGenerator()],
            parseOptions: CompileInputs.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static EmitResult Emit(Compilation compilation)
    {
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var result = compilation.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!result.Success)
        {
            throw new InvalidOperationException("The synthetic project did not compile: " + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        return result;
    }

    private sealed class CompileJob : ManualConfig
    {
        public CompileJob()
        {
            // One compile is seconds of work: five single-invocation iterations after a warm-up (JIT, Roslyn caches).
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("Roslyn"));
        }
    }
}
