using System.Linq;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Generators.Discovery;

/// <summary>How a generated interceptor calls the method it intercepts.</summary>
internal enum Reach
{
    /// <summary>By name, like the user's code does (internal and public targets).</summary>
    Direct,

    /// <summary>Through an <c>[UnsafeAccessor]</c> whose first parameter is the declaring type (private/protected targets).</summary>
    Accessor,

    /// <summary>Through an <c>[UnsafeAccessor]</c> that names the declaring type with <c>[UnsafeAccessorType]</c>:
    /// static classes and private nested types, which a parameter cannot be typed as.</summary>
    AccessorByTypeName,
}

/// <summary>The way to the target, or why there is none.</summary>
internal readonly record struct TargetPath(Reach Reach, string? TypeName, string? Reason)
{
    public static TargetPath Blocked(string reason) => new(Reach.Direct, null, reason);
}

/// <summary>What the referenced framework lets <c>[UnsafeAccessor]</c> do (read from the core library, not
/// from polyfills: a polyfilled attribute compiles but does nothing at run time).</summary>
internal readonly record struct AccessorSupport(bool Methods, bool Generics, bool TypeNames)
{
    private const string Attribute = "System.Runtime.CompilerServices.UnsafeAccessorAttribute";
    private const string TypeAttribute = "System.Runtime.CompilerServices.UnsafeAccessorTypeAttribute";

    public static AccessorSupport Of(Compilation compilation)
    {
        var core = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
        var methods = core?.GetTypeByMetadataName(Attribute) is not null;

        // .NET 8 introduced the attribute without generics; .NET 9 added them (same core library version).
        var generics = methods && core!.Identity.Version.Major >= 9;
        return new AccessorSupport(methods, generics, methods && core!.GetTypeByMetadataName(TypeAttribute) is not null);
    }
}

/// <summary>
/// Decides how generated code reaches a target: directly when it may name it, else through <c>[UnsafeAccessor]</c>
/// (.NET 8+; generic targets .NET 9+; static classes and private nested types .NET 10+), else a reason with its fix.
/// Shared by call discovery (PADRE009) and the attributed-declaration check (PADRE011) so both say the same.
/// </summary>
internal static class TargetReach
{
    private const string MakeInternal = "make it internal";

    public static TargetPath Find(IMethodSymbol definition, Compilation compilation)
    {
        var type = definition.ContainingType;
        var typeNameable = IsNameable(type, compilation);
        if (typeNameable && compilation.IsSymbolAccessibleWithin(definition, compilation.Assembly))
        {
            return new TargetPath(Reach.Direct, null, null);
        }

        var hidden = compilation.IsSymbolAccessibleWithin(definition, compilation.Assembly)
            ? "in the " + Accessibility(type) + " type '" + type.Name + "'"
            : Accessibility(definition);
        var support = AccessorSupport.Of(compilation);
        if (!support.Methods)
        {
            return TargetPath.Blocked("the method is " + hidden + "; private targets need .NET 8 or later (UnsafeAccessor), and this project targets an older framework; " + MakeInternal);
        }

        if (FileLocal(type))
        {
            return TargetPath.Blocked("its type '" + type.Name + "' is file-local, which generated code in another file cannot reach; make the type internal");
        }

        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return TargetPath.Blocked("the method is " + hidden + " in " + Article(type.TypeKind) + "; generated code reaches private methods of classes and structs only; " + MakeInternal);
        }

        if (!definition.IsStatic && !typeNameable)
        {
            return TargetPath.Blocked("its type '" + type.Name + "' is " + Accessibility(type) + ", and the interceptor of an instance method must name the type; make the type internal (the method itself may stay private)");
        }

        var generic = definition.IsGenericMethod || Chain(type).Any(t => t.IsGenericType);
        if (generic && !support.Generics)
        {
            return TargetPath.Blocked("the method is " + hidden + " and generic; UnsafeAccessor reaches generic targets only on .NET 9 or later; " + MakeInternal + " or target .NET 9");
        }

        if (!definition.IsStatic || (typeNameable && !type.IsStatic))
        {
            return new TargetPath(Reach.Accessor, null, null);
        }

        // A static method of a static class or of a type generated code cannot name: the accessor's first parameter
        // cannot be typed as that type, so it names the type by string.
        if (!support.TypeNames)
        {
            return TargetPath.Blocked(
                "the method is " + hidden + (type.IsStatic ? " in the static class '" + type.Name + "'" : string.Empty)
                + "; UnsafeAccessor reaches " + (type.IsStatic ? "static classes" : "private types") + " only on .NET 10 or later (UnsafeAccessorType); "
                + MakeInternal + (type.IsStatic ? " or make the class non-static" : " or target .NET 10"));
        }

        if (Chain(type).Any(t => t.IsGenericType))
        {
            return TargetPath.Blocked("the method is " + hidden + " in the generic type '" + type.Name + "', which generated code can reach only by name, and naming generic types is not supported; " + MakeInternal);
        }

        return new TargetPath(Reach.AccessorByTypeName, SymbolNames.Metadata(type), null);
    }

    /// <summary>Whether generated code (another file, same assembly) can write the type's name.</summary>
    public static bool IsNameable(INamedTypeSymbol type, Compilation compilation) =>
        !FileLocal(type) && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);

    private static bool FileLocal(INamedTypeSymbol type) => Chain(type).Any(t => t.IsFileLocal);

    private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> Chain(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            yield return t;
        }
    }

    private static string Accessibility(ISymbol symbol)
    {
        // The least accessible of the symbol and its containing types is what stops generated code.
        for (ISymbol? s = symbol; s is INamedTypeSymbol or IMethodSymbol; s = s.ContainingType)
        {
            if (s.DeclaredAccessibility is Microsoft.CodeAnalysis.Accessibility.Private or Microsoft.CodeAnalysis.Accessibility.Protected or Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal)
            {
                return s.DeclaredAccessibility switch
                {
                    Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
                    var a => a.ToString().ToLowerInvariant(),
                };
            }
        }

        return "inaccessible";
    }

    private static string Article(TypeKind kind) => kind switch
    {
        TypeKind.Interface => "an interface",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };
}
