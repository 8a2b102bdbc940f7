using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Discovery;

/// <summary>
/// Finds the numeric members of a result type that generated code can read directly: scalars, per-class
/// lists, matrices (a confusion matrix), one level of nesting, and per-fold results
/// (<c>IReadOnlyList&lt;X&gt;</c> whose items have a <c>Metrics</c> property, as CrossValidate returns).
/// </summary>
internal static class MetricReader
{
    public static ResultMetrics? Read(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || type.TypeKind == TypeKind.TypeParameter || ContainsTypeParameter(named))
        {
            return null;
        }

        if (ReadValue(named) is { } value)
        {
            return value;
        }

        if (named.OriginalDefinition.ToDisplayString() == "System.Threading.Tasks.Task<TResult>" && Read(named.TypeArguments[0]) is { FoldProperty: null } awaited)
        {
            // An async metric method: its value is read when the task completes.
            return awaited with { Awaited = true };
        }

        if (ListElement(named) is INamedTypeSymbol fold
            && Properties(fold).FirstOrDefault(p => p.Name == "Metrics").Type is INamedTypeSymbol foldMetrics
            && Members(foldMetrics) is { Count: > 0 } foldMembers)
        {
            return new ResultMetrics(foldMetrics.ToDisplayString(SymbolNames.Code), "Metrics", foldMembers.ToEquatableArray());
        }

        if (named.TypeKind != TypeKind.Class || SymbolNames.IsInSystemNamespace(named))
        {
            return null;
        }

        var members = Members(named);
        return members.Count == 0 ? null : new ResultMetrics(named.ToDisplayString(SymbolNames.Code), null, members.ToEquatableArray());
    }

    /// <summary>
    /// A user method's own result: a number (nullable too), a tuple with numeric elements, or a struct with numeric
    /// members (a record struct). Classes take the metrics-type path above.
    /// </summary>
    private static ResultMetrics? ReadValue(INamedTypeSymbol type)
    {
        var code = type.ToDisplayString(SymbolNames.Code);
        if (IsNumber(type))
        {
            return new ResultMetrics(code, null, EquatableArray<MetricMember>.Empty, IsValue: true, IsValueType: true);
        }

        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && IsNumber(type.TypeArguments[0]))
        {
            return new ResultMetrics(code, null, EquatableArray<MetricMember>.Empty, IsValue: true);
        }

        if (type.IsTupleType)
        {
            var elements = type.TupleElements.Where(e => IsNumber(e.Type)).Select(e => new MetricMember(string.Empty, e.Name, MetricKind.Scalar)).ToList();
            return elements.Count == 0 ? null : new ResultMetrics(code, null, elements.ToEquatableArray(), IsValueType: true);
        }

        if (type.TypeKind == TypeKind.Struct && type.SpecialType == SpecialType.None && !SymbolNames.IsInSystemNamespace(type))
        {
            var members = Members(type).Where(m => m.Owner.Length == 0).ToList();
            return members.Count == 0 ? null : new ResultMetrics(code, null, members.ToEquatableArray(), IsValueType: true);
        }

        return null;
    }

    private static List<MetricMember> Members(INamedTypeSymbol type)
    {
        var result = new List<MetricMember>();
        foreach (var property in Properties(type))
        {
            if (Kind(property.Type) is { } kind)
            {
                result.Add(new MetricMember(string.Empty, property.Name, kind));
            }
            else if (property.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } nested && !SymbolNames.IsInSystemNamespace(nested))
            {
                foreach (var inner in Properties(nested))
                {
                    if (Kind(inner.Type) is { } innerKind)
                    {
                        result.Add(new MetricMember(property.Name, inner.Name, innerKind));
                    }
                }
            }
        }

        return result;
    }

    /// <summary>Public instance properties and fields (CrossValidationResult exposes fields), most derived first.</summary>
    private static IEnumerable<(string Name, ITypeSymbol Type)> Properties(INamedTypeSymbol type)
    {
        var seen = new HashSet<string>();
        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            foreach (var member in t.GetMembers())
            {
                if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || CallDiscovery.IsObsolete(member))
                {
                    continue;
                }

                var memberType = member switch
                {
                    IPropertySymbol { IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public } p => p.Type,
                    IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } f => f.Type,
                    _ => null,
                };
                if (memberType is not null && seen.Add(member.Name))
                {
                    yield return (member.Name, memberType);
                }
            }
        }
    }

    private static MetricKind? Kind(ITypeSymbol type)
    {
        if (IsNumber(type))
        {
            return MetricKind.Scalar;
        }

        if (ListElement(type) is { } element)
        {
            if (element.SpecialType == SpecialType.System_Double)
            {
                return MetricKind.Series;
            }

            if (element.SpecialType == SpecialType.System_Single)
            {
                return MetricKind.FloatSeries;
            }

            if (ListElement(element) is { SpecialType: SpecialType.System_Double })
            {
                return MetricKind.Matrix;
            }
        }

        return null;
    }

    private static ITypeSymbol? ListElement(ITypeSymbol type)
    {
        static bool IsReadOnlyList(INamedTypeSymbol t) =>
            t.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.IReadOnlyList<T>";

        if (type is INamedTypeSymbol named && IsReadOnlyList(named))
        {
            return named.TypeArguments[0];
        }

        return type.AllInterfaces.FirstOrDefault(IsReadOnlyList)?.TypeArguments[0];
    }

    private static bool IsNumber(ITypeSymbol type) => type.SpecialType is SpecialType.System_Double or SpecialType.System_Single
        or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_UInt32 or SpecialType.System_UInt64
        or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Byte or SpecialType.System_SByte
        or SpecialType.System_Decimal;

    private static bool ContainsTypeParameter(INamedTypeSymbol type) =>
        type.TypeArguments.Any(a => a is ITypeParameterSymbol || (a is INamedTypeSymbol n && ContainsTypeParameter(n)));
}
