using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Padre.Pads.Analyzers.Attributes;

/// <summary>
/// PADRE024 and PADRE026-PADRE032: misuse of <c>[PadreExperiment]</c>, <c>[PadreDataset]</c> and
/// <c>[Track]</c>. Methods, local functions and lambdas are all checked: attributes are allowed on
/// each, and the last two can never be intercepted.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AttributeUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        Descriptors.ExperimentOnUninterceptableMethod,
        Descriptors.InvalidName,
        Descriptors.DatasetWithoutData,
        Descriptors.TrackWithoutHooks,
        Descriptors.TrackDuplicateHook,
        Descriptors.ExperimentWithTrack,
        Descriptors.AsyncVoidExperiment,
        Descriptors.IteratorExperiment,
    ];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(c => Check((IMethodSymbol)c.Symbol, c.ReportDiagnostic), SymbolKind.Method);
        context.RegisterOperationAction(c => Check(((ILocalFunctionOperation)c.Operation).Symbol, c.ReportDiagnostic), OperationKind.LocalFunction);
        context.RegisterOperationAction(c => Check(((IAnonymousFunctionOperation)c.Operation).Symbol, c.ReportDiagnostic), OperationKind.AnonymousFunction);
    }

    private static void Check(IMethodSymbol method, System.Action<Diagnostic> report)
    {
        foreach (var attribute in method.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (SymbolFacts.IsType(type, KnownNames.ExperimentAttribute))
            {
                ExperimentChecks.Check(method, attribute, report);
            }
            else if (SymbolFacts.IsType(type, KnownNames.DatasetAttribute))
            {
                DatasetChecks.Check(method, attribute, report);
            }
            else if (SymbolFacts.IsType(type, KnownNames.TrackAttribute))
            {
                TrackChecks.Check(method, attribute, report);
            }
        }
    }
}
