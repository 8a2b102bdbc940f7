using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Padre.Pads.Analyzers.Tests.Support;

/// <summary>How a test project is set up: what it references and how it is built.</summary>
internal sealed record ProjectShape
{
    public bool ReferencesRuntime { get; init; } = true;

    /// <summary>Whether the project has global usings for System, ML.NET and Padre.Pads (when it references Padre.Pads).</summary>
    public bool GlobalUsings { get; init; } = true;

    /// <summary>Whether the generator's marker type is in the compilation (it ran).</summary>
    public bool GeneratorRan { get; init; } = true;

    /// <summary>The value of <c>&lt;InterceptorsNamespaces&gt;</c>; null when the property is not set.</summary>
    public string? InterceptorsNamespaces { get; init; } = "$(InterceptorsNamespaces);Padre.Pads.Generated";

    public OutputKind Kind { get; init; } = OutputKind.DynamicallyLinkedLibrary;

    /// <summary>Severity overrides, as .editorconfig or NoWarn give them.</summary>
    public ImmutableDictionary<string, ReportDiagnostic> Severities { get; init; } = ImmutableDictionary<string, ReportDiagnostic>.Empty;

    public static ProjectShape Library { get; } = new();

    public static ProjectShape Console { get; } = new() { Kind = OutputKind.ConsoleApplication };
}

/// <summary>Compiles test sources with the shared references and runs analyzers over them.</summary>
internal static class Analysis
{
    public const string MarkerSource = "namespace Padre.Pads.Generated { internal static class PadreGeneratorMarker { } }";

    public const string RuntimeUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading.Tasks;
        global using Microsoft.ML;
        global using Padre.Pads;
        global using Padre.Pads.Hooks;
        """;

    public static CSharpParseOptions ParseOptions(ProjectShape shape)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        // MSBuild hands the compiler the property with $(InterceptorsNamespaces) already expanded.
        var value = shape.InterceptorsNamespaces?.Replace("$(InterceptorsNamespaces)", string.Empty, StringComparison.Ordinal);
        return value is null ? options : options.WithFeatures([new("InterceptorsNamespaces", value)]);
    }

    public static CSharpCompilationOptions CompilationOptions(ProjectShape shape) =>
        new(shape.Kind, nullableContextOptions: NullableContextOptions.Enable, specificDiagnosticOptions: shape.Severities);

    /// <summary>The extra sources a project of this shape holds besides the test's own.</summary>
    public static IEnumerable<(string Name, string Text)> SupportSources(ProjectShape shape)
    {
        if (shape.ReferencesRuntime && shape.GlobalUsings)
        {
            yield return ("Usings.cs", RuntimeUsings);
        }

        if (shape.GeneratorRan)
        {
            yield return ("PadreGeneratorMarker.g.cs", MarkerSource);
        }
    }

    public static CSharpCompilation Compile(string source, ProjectShape shape)
    {
        var parse = ParseOptions(shape);
        var trees = SupportSources(shape).Append(("Test.cs", source))
            .Select(s => CSharpSyntaxTree.ParseText(s.Item2, parse, path: s.Item1));
        return CSharpCompilation.Create(
            "TestProject",
            trees,
            shape.ReferencesRuntime ? References.WithRuntime : References.WithoutRuntime,
            CompilationOptions(shape));
    }

    /// <summary>
    /// Runs one analyzer on a source that must compile (other than the listed compiler errors), so a
    /// test cannot pass because its source is broken.
    /// </summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(
        DiagnosticAnalyzer analyzer, string source, ProjectShape? shape = null, params string[] allowedCompilerErrors) =>
        RunAsync(analyzer, Compile(source, shape ?? ProjectShape.Library), allowedCompilerErrors);

    /// <summary>
    /// Runs one analyzer and returns its diagnostics. The compiler's own diagnostics come from the same
    /// pass (binding twice would double the time): an error not listed as allowed fails the test.
    /// </summary>
    public static Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, Compilation compilation, params string[] allowedCompilerErrors) =>
        RunAsync([analyzer], compilation, allowedCompilerErrors);

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, Compilation compilation, params string[] allowedCompilerErrors)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var all = await withAnalyzers.GetAllDiagnosticsAsync();
        var failures = all.Where(d => d.Id == "AD0001").ToList();
        Assert.True(failures.Count == 0, "The analyzer threw: " + string.Join(Environment.NewLine, failures));
        var ids = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var errors = all.Where(d => d.Severity == DiagnosticSeverity.Error && !ids.Contains(d.Id) && !allowedCompilerErrors.Contains(d.Id)).ToList();
        Assert.True(errors.Count == 0, "The test source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        return [.. all.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start)];
    }

    /// <summary>The source text a diagnostic points at, for checking where it is reported.</summary>
    public static string Span(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.GetText().ToString(diagnostic.Location.SourceSpan) ?? string.Empty;
}
