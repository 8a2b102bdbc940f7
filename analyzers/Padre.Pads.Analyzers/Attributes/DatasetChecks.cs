using System;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Analyzers.Attributes;

/// <summary>PADRE026 and PADRE027 for <c>[PadreDataset]</c>.</summary>
internal static class DatasetChecks
{
    public static void Check(IMethodSymbol method, AttributeData attribute, Action<Diagnostic> report)
    {
        var location = SymbolFacts.AttributeLocation(attribute, method);
        var name = AttributeArguments.Name(attribute);
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            report(Diagnostic.Create(Descriptors.InvalidName, location, "name", "PadreDataset", method.Name,
                "is empty", "name the dataset, e.g. [PadreDataset(\"iris\")]"));
        }

        if (AttributeArguments.HasNamed(attribute, "Target") && string.IsNullOrWhiteSpace(AttributeArguments.Named(attribute, "Target")))
        {
            report(Diagnostic.Create(Descriptors.InvalidName, location, "Target", "PadreDataset", method.Name,
                "is empty", "name the label column, e.g. Target = \"Label\", or remove Target"));
        }

        if (NoData(method) is { } returned)
        {
            report(Diagnostic.Create(Descriptors.DatasetWithoutData, location, method.Name, returned));
        }
    }

    /// <summary>How the return type says "no data", or null when it returns something.</summary>
    private static string? NoData(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return "void";
        }

        var type = method.ReturnType;
        if (SymbolFacts.IsType(type, "System.Threading.Tasks.Task") && type is INamedTypeSymbol { IsGenericType: false })
        {
            return "a Task with no result";
        }

        if (SymbolFacts.IsType(type, "System.Threading.Tasks.ValueTask") && type is INamedTypeSymbol { IsGenericType: false })
        {
            return "a ValueTask with no result";
        }

        return null;
    }
}
