using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Padre.Pads.Analyzers.Setup;

/// <summary>
/// PADRE021: a project references Padre.Pads but holds no <c>PadreGeneratorMarker</c>, the type the
/// generator emits into every compilation it runs on. The compiler only warns (CS9057, CS8785) when it
/// skips or cannot load the generator, and the program then runs with nothing tracked.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GeneratorRanAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.GeneratorDidNotRun];

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
        if (!SymbolFacts.ReferencesRuntime(compilation) || GeneratorRan(compilation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.GeneratorDidNotRun, Location.None));
    }

    /// <summary>
    /// Looks in this project's own source only: a marker in a referenced project says nothing about
    /// this one, and the marker is internal so several projects may each hold one.
    /// </summary>
    internal static bool GeneratorRan(Compilation compilation) =>
        compilation.Assembly.GetTypeByMetadataName(KnownNames.GeneratorMarker) is not null;
}
