using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Padre.Pads.Analyzers.Attributes;

/// <summary>
/// PADRE025: a <c>[PadreExperiment]</c> method that no code in the compilation calls directly. A run
/// is recorded only where a call is intercepted, so such a method is either dead or started some way
/// that records nothing (reflection, a test runner, another assembly without the generator).
/// Not reported: the entry point; overrides and interface implementations (callers reach them through
/// the base member); and, in libraries, methods visible outside the assembly, whose callers may live
/// in a project that has the generator too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UncalledExperimentAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptors.ExperimentNeverCalled];

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var experiments = new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default);
            var called = new ConcurrentDictionary<IMethodSymbol, byte>(SymbolEqualityComparer.Default);
            var isLibrary = start.Compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary;

            start.RegisterSymbolAction(
                c =>
                {
                    var method = (IMethodSymbol)c.Symbol;
                    if (SymbolFacts.HasAttribute(method, KnownNames.ExperimentAttribute) && MayBeDead(method, isLibrary))
                    {
                        experiments.TryAdd(method, 0);
                    }
                },
                SymbolKind.Method);
            start.RegisterOperationAction(
                c => called.TryAdd(((IInvocationOperation)c.Operation).TargetMethod.OriginalDefinition, 0),
                OperationKind.Invocation);
            start.RegisterCompilationEndAction(end =>
            {
                var entryPoint = end.Compilation.GetEntryPoint(end.CancellationToken);
                foreach (var method in experiments.Keys.Where(m => !called.ContainsKey(m) && !SymbolEqualityComparer.Default.Equals(m, entryPoint)))
                {
                    var location = method.Locations.FirstOrDefault() ?? Location.None;
                    end.ReportDiagnostic(Diagnostic.Create(Descriptors.ExperimentNeverCalled, location, method.Name));
                }
            });
        });
    }

    private static bool MayBeDead(IMethodSymbol method, bool isLibrary)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsOverride || method.IsAbstract || method.ExplicitInterfaceImplementations.Length > 0)
        {
            return false;
        }

        if (method.ContainingType?.AllInterfaces.SelectMany(i => i.GetMembers(method.Name)).Any(m => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method)) == true)
        {
            return false;
        }

        return !(isLibrary && IsVisibleOutsideAssembly(method));
    }

    private static bool IsVisibleOutsideAssembly(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }
}
