using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Analyzers.Attributes;

/// <summary>Reads the arguments of Padre.Pads' attributes as the compiler bound them.</summary>
internal static class AttributeArguments
{
    /// <summary>The first constructor argument when it is a string (the experiment or dataset name).</summary>
    public static string? Name(AttributeData attribute) =>
        attribute.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Primitive, Value: string name } ? name : null;

    public static string? Named(AttributeData attribute, string property) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == property).Value.Value as string;

    public static bool HasNamed(AttributeData attribute, string property) =>
        attribute.NamedArguments.Any(a => a.Key == property);

    /// <summary>Every hook value written in <c>[Track(...)]</c>, in order, including repeats.</summary>
    public static IReadOnlyList<TypedConstant> Hooks(AttributeData attribute)
    {
        var hooks = new List<TypedConstant>();
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Array)
            {
                if (!argument.IsNull)
                {
                    hooks.AddRange(argument.Values.Where(v => v.Kind == TypedConstantKind.Enum));
                }
            }
            else if (argument.Kind == TypedConstantKind.Enum)
            {
                hooks.Add(argument);
            }
        }

        return hooks;
    }

    /// <summary>The enum member names a (flags) hook value is made of, e.g. <c>Fit</c> or <c>Fit, Log</c>.</summary>
    public static IReadOnlyList<string> HookNames(ITypeSymbol? hookType, long value)
    {
        var names = new List<string>();
        if (hookType is null)
        {
            return names;
        }

        foreach (var field in hookType.GetMembers().OfType<IFieldSymbol>())
        {
            if (field.HasConstantValue && ToLong(field.ConstantValue) is { } flag && flag != 0 && (value & flag) == flag)
            {
                names.Add(field.Name);
            }
        }

        return names;
    }

    public static long? ToLong(object? value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        uint u => u,
        ushort us => us,
        sbyte sb => sb,
        _ => null,
    };
}
