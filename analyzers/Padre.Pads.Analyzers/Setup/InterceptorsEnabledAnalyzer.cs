using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Padre.Pads.Analyzers.Setup;

/// <summary>
/// PADRE020: a project that references Padre.Pads must allow interceptors in <c>Padre.Pads.Generated</c>,
/// otherwise the compiler rejects every generated interceptor (CS9137) and nothing is tracked.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InterceptorsEnabledAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.InterceptorsNotEnabled];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(Analyze);
    }

    private static void Analyze(CompilationAnalysisContext context)
    {
        var compilation = context.Compilation;
        if (!SymbolFacts.ReferencesRuntime(compilation))
        {
            return;
        }

        // Every tree of a project shares its parse options; a project with no source has nothing to track.
        var options = compilation.SyntaxTrees.FirstOrDefault()?.Options;
        if (options is null || AllowsGeneratedNamespace(options))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.InterceptorsNotEnabled, Location.None));
    }

    /// <summary>
    /// The compiler accepts an interceptor whose namespace is listed or lies below a listed one, so
    /// <c>Padre.Pads</c> or <c>Padre</c> in the list enables <c>Padre.Pads.Generated</c> as well.
    /// </summary>
    internal static bool AllowsGeneratedNamespace(ParseOptions options)
    {
        foreach (var key in KnownNames.InterceptorsFeatureKeys)
        {
            if (!options.Features.TryGetValue(key, out var value) || value is null)
            {
                continue;
            }

            foreach (var entry in value.Split([';'], StringSplitOptions.RemoveEmptyEntries))
            {
                var name = entry.Trim();
                if (name == KnownNames.GeneratedNamespace || KnownNames.GeneratedNamespace.StartsWith(name + ".", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
