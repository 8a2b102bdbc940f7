using System.Linq;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Analyzers;

/// <summary>Questions about symbols that several analyzers ask, answered by name.</summary>
internal static class SymbolFacts
{
    public static bool ReferencesRuntime(Compilation compilation) =>
        compilation.ReferencedAssemblyNames.Any(a => a.Name == KnownNames.RuntimeAssembly);

    public static bool IsType(ITypeSymbol? type, string fullName) =>
        type is INamedTypeSymbol named && named.OriginalDefinition.ToDisplayString(FullNameFormat) == fullName;

    public static AttributeData? FindAttribute(ISymbol symbol, string fullName) =>
        symbol.GetAttributes().FirstOrDefault(a => IsType(a.AttributeClass, fullName));

    public static bool HasAttribute(ISymbol symbol, string fullName) => FindAttribute(symbol, fullName) is not null;

    /// <summary>True for <c>Microsoft.ML</c> and every namespace below it (<c>Microsoft.ML.Data</c>, <c>Microsoft.ML.Trainers</c>, ...).</summary>
    public static bool IsInMLNamespace(ITypeSymbol? type)
    {
        var ns = type?.ContainingNamespace?.ToDisplayString();
        return ns is not null && (ns == "Microsoft.ML" || ns.StartsWith("Microsoft.ML.", System.StringComparison.Ordinal));
    }

    /// <summary>The method whose body holds code: lambdas and local functions belong to their containing member.</summary>
    public static ISymbol? EnclosingMember(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }

    public static Location AttributeLocation(AttributeData attribute, ISymbol owner) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? owner.Locations.FirstOrDefault() ?? Location.None;

    private static readonly SymbolDisplayFormat FullNameFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);
}
