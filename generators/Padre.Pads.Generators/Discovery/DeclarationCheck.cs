using Microsoft.CodeAnalysis;
using Padre.Pads.Generators.Diagnostics;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Discovery;

/// <summary>
/// Checks a method carrying a Padre attribute for what stops the generator from intercepting its calls.
/// Misuse that the compiler could still build (empty names, ref parameters, ...) is the analyzers' job.
/// </summary>
internal static class DeclarationCheck
{
    public static DiagnosticInfo? Check(IMethodSymbol method)
    {
        var hidden = method.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal;
        for (var t = method.ContainingType; t is not null && !hidden; t = t.ContainingType)
        {
            hidden = t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal;
        }

        return hidden
            ? DiagnosticInfo.Create(
                Descriptors.AttributedMethodInaccessible,
                SourceSpan.From(method.Locations.Length > 0 ? method.Locations[0] : null),
                method.Name,
                method.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal
                    ? method.DeclaredAccessibility.ToString().ToLowerInvariant()
                    : "declared in a non-accessible type")
            : null;
    }
}
