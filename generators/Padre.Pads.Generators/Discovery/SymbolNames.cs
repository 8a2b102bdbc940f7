using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Generators.Discovery;

/// <summary>Names of symbols as mapping files and generated code write them.</summary>
internal static class SymbolNames
{
    /// <summary>Fully qualified, nullable-annotated, with <c>global::</c>: safe to paste into generated code.</summary>
    public static readonly SymbolDisplayFormat Code = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Short and readable, for site descriptions (<c>EstimatorChain&lt;TLastTransformer&gt;.Fit</c>).</summary>
    public static readonly SymbolDisplayFormat Display = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

    /// <summary>The metadata name a mapping file uses: <c>Ns.Outer+Inner`1</c>.</summary>
    public static string Metadata(INamedTypeSymbol type)
    {
        var builder = new StringBuilder();
        var chain = new Stack<INamedTypeSymbol>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            chain.Push(t);
        }

        var ns = chain.Peek().ContainingNamespace;
        if (ns is { IsGlobalNamespace: false })
        {
            builder.Append(ns.ToDisplayString()).Append('.');
        }

        var first = true;
        foreach (var t in chain)
        {
            if (!first)
            {
                builder.Append('+');
            }

            builder.Append(t.MetadataName);
            first = false;
        }

        return builder.ToString();
    }

    /// <summary>The type, its base types and its interfaces, by metadata name, most specific first.</summary>
    public static IEnumerable<string> WithAncestors(ITypeSymbol type)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            yield return Metadata(t.OriginalDefinition);
        }

        foreach (var i in type.AllInterfaces)
        {
            yield return Metadata(i.OriginalDefinition);
        }
    }

    public static bool IsInSystemNamespace(ISymbol symbol)
    {
        var ns = symbol.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" };
    }
}
