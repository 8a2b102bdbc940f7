using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Padre.Pads.Generators;

namespace Padre.Pads.Generators.Tests.Support;

/// <summary>
/// Runs the generator over in-memory sources the way the compiler does (the Testing packages are not
/// restorable here): references are the test process's own assemblies (framework, ML.NET, Padre.Pads).
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions EnabledOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Preview)
        .WithFeatures([new("InterceptorsNamespaces", "Padre.Pads.Generated")]);

    public static readonly CSharpParseOptions DisabledOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(p).StartsWith("xunit", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>The references every test compilation gets (the test process's own assemblies).</summary>
    public static ImmutableArray<MetadataReference> DefaultReferences => References.Value;

    public static CSharpCompilation Compile(params (string Path, string Text)[] sources) => Compile(EnabledOptions, sources);

    public static CSharpCompilation Compile(CSharpParseOptions options, params (string Path, string Text)[] sources) =>
        Compile(options, OutputKind.ConsoleApplication, sources);

    public static CSharpCompilation Compile(CSharpParseOptions options, OutputKind kind, params (string Path, string Text)[] sources) =>
        Compile(References.Value, options, kind, sources);

    /// <summary>A library compiled against other references (an older framework's).</summary>
    public static CSharpCompilation Compile(IEnumerable<MetadataReference> references, params (string Path, string Text)[] sources) =>
        Compile(references, EnabledOptions, OutputKind.DynamicallyLinkedLibrary, sources);

    private static CSharpCompilation Compile(IEnumerable<MetadataReference> references, CSharpParseOptions options, OutputKind kind, (string Path, string Text)[] sources) =>
        CSharpCompilation.Create(
            "UserProgram" + Guid.NewGuid().ToString("N"),
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, s.Path)),
            references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(CSharpParseOptions options, params (string Path, string Text)[] additionalFiles) =>
        CSharpGeneratorDriver.Create(
            [new PadreGenerator().AsSourceGenerator()],
            additionalFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)),
            options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the run result and the compilation with generated sources.</summary>
    public static (GeneratorDriverRunResult Run, Compilation Output) Run(CSharpCompilation compilation, params (string Path, string Text)[] additionalFiles)
    {
        var driver = Driver((CSharpParseOptions)compilation.SyntaxTrees.First().Options, additionalFiles)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver.GetRunResult(), output);
    }

    /// <summary>Generated source whose hint name contains <paramref name="fragment"/>.</summary>
    public static string Generated(GeneratorDriverRunResult run, string fragment) =>
        run.Results.Single().GeneratedSources.Single(s => s.HintName.Contains(fragment, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>
    /// The interceptors of the file whose hint name contains <paramref name="fragment"/>, then the compilation's tracking
    /// bodies they forward to (<c>PadreTracking.g.cs</c>).
    /// </summary>
    public static string GeneratedWithBodies(GeneratorDriverRunResult run, string fragment) =>
        Generated(run, fragment) + "\n// ---------- PadreTracking.g.cs ----------\n\n" + Generated(run, "PadreTracking.");

    /// <summary>Errors and warnings of the final compilation (the generated code must compile cleanly).</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation output) =>
        output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
