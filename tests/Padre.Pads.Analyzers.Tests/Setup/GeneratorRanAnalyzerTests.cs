using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Padre.Pads.Analyzers.Setup;
using Padre.Pads.Analyzers.Tests.Support;

namespace Padre.Pads.Analyzers.Tests.Setup;

public sealed class GeneratorRanAnalyzerTests
{
    private const string Source = "public static class Program { public static int Answer() => 42; }";

    [Fact]
    public async Task A_project_referencing_Padre_Pads_without_the_marker_gets_an_error_naming_both_causes()
    {
        var diagnostics = await Analysis.AnalyzeAsync(new GeneratorRanAnalyzer(), Source, new ProjectShape { GeneratorRan = false });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("PADRE021", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var message = diagnostic.GetMessage();
        Assert.Contains("CS9057", message, StringComparison.Ordinal);
        Assert.Contains("CS8785", message, StringComparison.Ordinal);
        Assert.Contains("dotnet restore", message, StringComparison.Ordinal);
        Assert.Contains("suppress PADRE021", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_marker_in_the_project_means_the_generator_ran()
    {
        Assert.Empty(await Analysis.AnalyzeAsync(new GeneratorRanAnalyzer(), Source, new ProjectShape { GeneratorRan = true }));
    }

    [Fact]
    public async Task A_project_without_Padre_Pads_is_not_reported()
    {
        Assert.Empty(await Analysis.AnalyzeAsync(new GeneratorRanAnalyzer(), Source, new ProjectShape { ReferencesRuntime = false, GeneratorRan = false }));
    }

    [Fact]
    public async Task A_marker_in_a_referenced_project_does_not_count_for_this_one()
    {
        var other = CSharpCompilation.Create("OtherProject", [CSharpSyntaxTree.ParseText(Analysis.MarkerSource)], References.WithRuntime,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compilation = Analysis.Compile(Source, new ProjectShape { GeneratorRan = false }).AddReferences(other.ToMetadataReference());

        Assert.Equal("PADRE021", Assert.Single(await Analysis.RunAsync(new GeneratorRanAnalyzer(), compilation)).Id);
    }

    [Fact]
    public async Task Users_can_turn_it_off_with_a_severity_setting()
    {
        var shape = new ProjectShape
        {
            GeneratorRan = false,
            Severities = ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("PADRE021", ReportDiagnostic.Suppress),
        };

        Assert.Empty(await Analysis.AnalyzeAsync(new GeneratorRanAnalyzer(), Source, shape));
    }

    [Fact]
    public async Task Users_can_suppress_it_with_an_assembly_SuppressMessage()
    {
        const string suppressed = """
            [assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Padre.Pads.Setup", "PADRE021", Justification = "runtime API only")]
            public static class Program { public static int Answer() => 42; }
            """;

        Assert.Empty(await Analysis.AnalyzeAsync(new GeneratorRanAnalyzer(), suppressed, new ProjectShape { GeneratorRan = false }));
    }

    [Fact]
    public async Task End_to_end_a_generator_that_emits_the_marker_silences_it()
    {
        var compilation = RunGenerator(new MarkerGenerator(), out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(await Analysis.RunAsync(new GeneratorRanAnalyzer(), compilation));
    }

    [Fact]
    public async Task End_to_end_a_generator_that_fails_to_load_its_dependency_leaves_CS8785_and_PADRE021()
    {
        var compilation = RunGenerator(new DependencyMissingGenerator(), out var generatorDiagnostics);

        Assert.Contains(generatorDiagnostics, d => d.Id == "CS8785");
        Assert.Equal("PADRE021", Assert.Single(await Analysis.RunAsync(new GeneratorRanAnalyzer(), compilation)).Id);
    }

    private static Compilation RunGenerator(IIncrementalGenerator generator, out ImmutableArray<Diagnostic> diagnostics)
    {
        var shape = new ProjectShape { GeneratorRan = false };
        var input = Analysis.Compile(Source, shape);
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: Analysis.ParseOptions(shape))
            .RunGeneratorsAndUpdateCompilation(input, out var output, out diagnostics);
        return output;
    }

    private sealed class MarkerGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterPostInitializationOutput(c => c.AddSource("PadreGeneratorMarker.g.cs", Analysis.MarkerSource));
    }

    /// <summary>What the compiler sees when YamlDotNet is missing beside the generator: it throws while running.</summary>
    private sealed class DependencyMissingGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(context.CompilationProvider, (_, _) =>
                throw new FileNotFoundException("Could not load file or assembly 'YamlDotNet, Version=16.0.0.0'."));
    }
}
