using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Padre.Pads.Analyzers.Attributes;

/// <summary>PADRE024, PADRE026, PADRE030-PADRE032 for <c>[PadreExperiment]</c>.</summary>
internal static class ExperimentChecks
{
    private const string MoveToOrdinaryMethod = "put it on an ordinary method with a body that your code calls directly";

    public static void Check(IMethodSymbol method, AttributeData attribute, Action<Diagnostic> report)
    {
        var location = SymbolFacts.AttributeLocation(attribute, method);
        if (WhyNotInterceptable(method) is { } problem)
        {
            report(Diagnostic.Create(
                Descriptors.ExperimentOnUninterceptableMethod, location, problem.Kind, DisplayName(method), problem.Reason, problem.Fix));
        }

        CheckNames(method, attribute, location, report);

        if (SymbolFacts.FindAttribute(method, KnownNames.TrackAttribute) is { } track)
        {
            var names = AttributeArguments.Hooks(track)
                .SelectMany(h => AttributeArguments.HookNames(h.Type, AttributeArguments.ToLong(h.Value) ?? 0))
                .Distinct()
                .ToList();
            var what = names.Count == 0 ? "tracked" : string.Join("/", names);
            report(Diagnostic.Create(Descriptors.ExperimentWithTrack, location, method.Name, what));
        }

        var name = method.Locations.FirstOrDefault() ?? location;
        if (method.IsAsync && method.ReturnsVoid)
        {
            report(Diagnostic.Create(Descriptors.AsyncVoidExperiment, name, method.Name));
        }

        if (IsIterator(method))
        {
            report(Diagnostic.Create(Descriptors.IteratorExperiment, name, method.Name));
        }
    }

    /// <summary>A body holding <c>yield</c> outside nested lambdas and local functions (which are iterators of their own).</summary>
    private static bool IsIterator(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax())
            .Any(declaration => declaration
                .DescendantNodes(node => node == declaration || node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .OfType<YieldStatementSyntax>()
                .Any());

    /// <summary>Constructors show their type's name, lambdas the member that holds them.</summary>
    private static string DisplayName(IMethodSymbol method) => method.MethodKind switch
    {
        MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.Destructor => method.ContainingType.Name,
        MethodKind.AnonymousFunction => SymbolFacts.EnclosingMember(method)?.Name ?? method.Name,
        _ => method.Name,
    };

    private static (string Kind, string Reason, string Fix)? WhyNotInterceptable(IMethodSymbol method)
    {
        switch (method.MethodKind)
        {
            case MethodKind.Constructor or MethodKind.StaticConstructor:
                return ("the constructor", "object creation cannot be intercepted, only method calls", MoveToOrdinaryMethod);
            case MethodKind.Destructor:
                return ("the finalizer", "the garbage collector calls it, never your code", MoveToOrdinaryMethod);
            case MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise:
                return ("the accessor", "property and event access is not a method call and cannot be intercepted", MoveToOrdinaryMethod);
            case MethodKind.UserDefinedOperator or MethodKind.Conversion:
                return ("the operator", "operators are not called with method-call syntax and cannot be intercepted", MoveToOrdinaryMethod);
            case MethodKind.LocalFunction:
                return ("the local function", "calls to local functions cannot be intercepted", MoveToOrdinaryMethod);
            case MethodKind.AnonymousFunction:
                return ("the lambda in", "a lambda runs through a delegate, which cannot be intercepted", MoveToOrdinaryMethod);
        }

        if (method.IsAbstract)
        {
            return ("the abstract method", "it has no body, and a call that runs an override does not see the attribute", "put it on the overriding or implementing method and call that directly");
        }

        if (method.IsExtern)
        {
            return ("the extern method", "its body is outside .NET and cannot be wrapped in a run", "call it from an ordinary method and mark that one");
        }

        var byRef = method.Parameters.FirstOrDefault(p => p.RefKind is RefKind.Ref or RefKind.Out);
        if (byRef is not null)
        {
            var how = byRef.RefKind == RefKind.Out ? "out" : "ref";
            return ("the method", $"parameter '{byRef.Name}' is passed by {how}, which experiment interceptors cannot forward", "return the value instead (e.g. as a tuple or a result type)");
        }

        return null;
    }

    private static void CheckNames(IMethodSymbol method, AttributeData attribute, Location location, Action<Diagnostic> report)
    {
        var name = AttributeArguments.Name(attribute);
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            report(Diagnostic.Create(Descriptors.InvalidName, location, "name", "PadreExperiment", method.Name,
                "is empty", "give the run a name, e.g. [PadreExperiment(\"Iris SDCA\")]"));
        }

        if (!AttributeArguments.HasNamed(attribute, "Project"))
        {
            return;
        }

        var project = AttributeArguments.Named(attribute, "Project");
        if (string.IsNullOrWhiteSpace(project))
        {
            report(Diagnostic.Create(Descriptors.InvalidName, location, "Project", "PadreExperiment", method.Name,
                "is empty", "name the MLflow experiment, e.g. Project = \"Examples\", or remove Project to use the default experiment"));
        }
        else if (project!.Length > KnownNames.MaxExperimentNameLength)
        {
            report(Diagnostic.Create(Descriptors.InvalidName, location, "Project", "PadreExperiment", method.Name,
                $"is {project.Length} characters long", $"MLflow rejects experiment names longer than {KnownNames.MaxExperimentNameLength} characters, so shorten it"));
        }
    }
}
