using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Generators.Discovery;

/// <summary>
/// The semantic model discovery binds candidate calls with: one without nullable analysis. With nullable enabled, the
/// first question about a method body otherwise runs the nullable walker over the whole body (a second binding of it);
/// nothing discovery reads depends on flow-state nullability (targets are described from their declarations).
/// </summary>
internal static class BindingModel
{
    public static SemanticModel For(Compilation compilation, SyntaxTree tree)
    {
        try
        {
            return WithoutNullableAnalysis(compilation, tree);
        }
        catch (MissingMethodException)
        {
            // The option is marked experimental (RSEXPERIMENTAL001): a compiler without it still gets the full model.
            return compilation.GetSemanticModel(tree);
        }
        catch (TypeLoadException)
        {
            return compilation.GetSemanticModel(tree);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SemanticModel WithoutNullableAnalysis(Compilation compilation, SyntaxTree tree)
    {
#pragma warning disable RSEXPERIMENTAL001 // Experimental API: guarded by the fallback above.
        return compilation.GetSemanticModel(tree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001
    }
}
