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
    private const string TopLevelMain = "<Main>$";

    public static DiagnosticInfo? Check(IMethodSymbol method, Compilation compilation)
    {
        var location = SourceSpan.From(method.Locations.Length > 0 ? method.Locations[0] : null);
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            // A method written among top-level statements is a local function of the synthesized Main.
            var fix = method.ContainingSymbol is IMethodSymbol { Name: TopLevelMain }
                ? "a method written among top-level statements is a local function: declare it inside 'partial class Program { ... }' after the statements (private is fine)"
                : "move it out of the enclosing method into a method of the type (private is fine)";
            return DiagnosticInfo.Create(Descriptors.LocalFunctionNotTracked, location, method.Name, fix);
        }

        if (method.MethodKind != MethodKind.Ordinary || method.ContainingType is null)
        {
            return null;
        }

        return TargetReach.Find(method, compilation).Reason is { } reason
            ? DiagnosticInfo.Create(Descriptors.AttributedMethodInaccessible, location, method.Name, reason)
            : null;
    }
}

/// <summary>A method carrying a Padre attribute: its name (calls of it are candidates) and what stops its interception.</summary>
internal sealed record AttributedMethod(string Name, DiagnosticInfo? Problem)
{
    public static AttributedMethod Check(IMethodSymbol method, Compilation compilation) =>
        new(method.Name, DeclarationCheck.Check(method, compilation));
}
