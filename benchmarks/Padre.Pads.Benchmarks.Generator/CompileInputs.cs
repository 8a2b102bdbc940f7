using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Padre.Pads.Benchmarks.Generator;

/// <summary>
/// What csc compiled in the real build of the synthetic project (its references and files, listed by the
/// project's PadreBenchListCompileInputs target), loaded for Roslyn in-process.
/// </summary>
internal sealed class CompileInputs
{
    private CompileInputs(ImmutableArray<MetadataReference> references, ImmutableArray<(string Path, SourceText Text)> files)
    {
        References = references;
        Files = files;
    }

    public ImmutableArray<MetadataReference> References { get; }

    public ImmutableArray<(string Path, SourceText Text)> Files { get; }

    /// <summary>As the SDK compiles a net10.0 project with interceptors allowed in Padre's namespace.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["DEBUG", "TRACE", "NET", "NET10_0"])
        .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", "Padre.Pads.Generated")]);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.ConsoleApplication,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Debug);

    /// <summary>Loads the references and texts the last build listed (building first if it never ran: see <c>prepare</c>).</summary>
    public static CompileInputs Load(SyntheticProject project)
    {
        if (!File.Exists(project.CompileInputsFile))
        {
            DotnetBuild.Prepare(project);
        }

        var lines = File.ReadAllLines(project.CompileInputsFile);
        var references = lines.Where(l => l.StartsWith("reference:", StringComparison.Ordinal))
            .Select(l => (MetadataReference)MetadataReference.CreateFromFile(l["reference:".Length..]))
            .ToImmutableArray();
        var files = lines.Where(l => l.StartsWith("compile:", StringComparison.Ordinal))
            .Select(l => l["compile:".Length..])
            .Select(path => (path, SourceText.From(File.ReadAllText(path), System.Text.Encoding.UTF8)))
            .ToImmutableArray();
        if (files.Length < SyntheticProject.FileCount || references.IsEmpty)
        {
            throw new InvalidOperationException($"{project.CompileInputsFile} lists {files.Length} files and {references.Length} references; expected the synthetic project's {SyntheticProject.FileCount} files.");
        }

        return new CompileInputs(references, files);
    }

    public ImmutableArray<SyntaxTree> Parse() =>
        [.. Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path))];

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees, ImmutableArray<MetadataReference> references) =>
        CSharpCompilation.Create("Synthetic", trees, references, CompilationOptions);
}
