using System.Linq;
using Microsoft.CodeAnalysis;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Diagnostics;

/// <summary>A diagnostic as plain values, so it can travel through the cached pipeline.</summary>
internal sealed record DiagnosticInfo(string Id, SourceSpan? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceSpan? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        var descriptor = Descriptors.ById[Id];
        return Diagnostic.Create(descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, Arguments.Cast<object>().ToArray());
    }
}
