using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Padre.Pads.Analyzers.Calls;

/// <summary>
/// PADRE023: an MLContext without a seed inside a tracked run. A run is tracked when the code is in a
/// <c>[PadreExperiment]</c> method, or, in a project that references Padre.Pads, in the entry point
/// (Main or top-level statements), where autostarted runs record it. Lambdas and local functions
/// count as part of the method that contains them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnseededContextAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The name of MLContext's seed parameter; the code fix writes it as a named argument.</summary>
    internal const string SeedParameter = "seed";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.UnseededContext];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var referencesRuntime = SymbolFacts.ReferencesRuntime(start.Compilation);
            // The entry point costs a lookup over the compilation: find it only when an MLContext appears.
            var entryPoint = new Lazy<IMethodSymbol?>(
                () => start.Compilation.GetEntryPoint(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterOperationAction(
                c => Analyze(c, referencesRuntime, entryPoint), OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, bool referencesRuntime, Lazy<IMethodSymbol?> entryPoint)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolFacts.IsType(creation.Type, KnownNames.MLContext) || IsSeeded(creation))
        {
            return;
        }

        var member = SymbolFacts.EnclosingMember(context.ContainingSymbol);
        if (member is null)
        {
            return;
        }

        var tracked = SymbolFacts.HasAttribute(member, KnownNames.ExperimentAttribute)
            || (referencesRuntime && IsEntryPoint(member, entryPoint));
        if (tracked)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnseededContext, creation.Syntax.GetLocation()));
        }
    }

    private static bool IsEntryPoint(ISymbol member, Lazy<IMethodSymbol?> entryPoint) =>
        member is IMethodSymbol method
        && (method.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName
            || SymbolEqualityComparer.Default.Equals(method, entryPoint.Value));

    /// <summary>Seeded when the seed argument is written and is not null (<c>seed: null</c>, <c>default</c>).</summary>
    private static bool IsSeeded(IObjectCreationOperation creation)
    {
        var seed = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == SeedParameter);
        if (seed is null || seed.ArgumentKind != ArgumentKind.Explicit)
        {
            return false;
        }

        var value = seed.Value;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        var isNull = value.ConstantValue is { HasValue: true, Value: null }
            || value is IDefaultValueOperation { Type: null or { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } };
        return !isNull;
    }
}
