using System.Linq;
using Microsoft.CodeAnalysis;
using Padre.Pads.Generators.Model;

namespace Padre.Pads.Generators.Discovery;

/// <summary>
/// Whether the program can be connected to the tracker (it references the runtime and has module initializers),
/// and the libraries that asked, with <c>[assembly: PadreRegistration(typeof(X))]</c>, to have <c>X.Register()</c>
/// called at start-up (Padre.Pads.MLNet plugs its dataset, model and metric loggers in that way).
/// <see cref="IsProgram"/>: the compilation is an executable, so its module initializer runs before <c>Main</c>.
/// A class, not a struct: Roslyn's pipeline code over it is then the shared code of its own ReadyToRun image, not
/// generic code every cold compiler process JIT-compiles for this type (111 methods).
/// </summary>
internal sealed record TrackerConnection(bool Enabled, bool IsProgram, EquatableArray<string> Registrations)
{
    private const string RegistrationAttribute = "Padre.Pads.Hooks.PadreRegistrationAttribute";
    private const string RuntimeAssembly = "Padre.Pads";

    public static TrackerConnection Describe(Compilation compilation)
    {
        var enabled = compilation.GetTypeByMetadataName("Padre.Pads.Hooks.Interception") is not null
            && compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ModuleInitializerAttribute") is not null;
        if (!enabled)
        {
            return new TrackerConnection(false, false, EquatableArray<string>.Empty);
        }

        // Only a library built against the runtime can carry its attribute: the others' attributes are not decoded.
        var registrations = compilation.SourceModule.ReferencedAssemblySymbols
            .Where(assembly => assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == RuntimeAssembly)))
            .SelectMany(assembly => assembly.GetAttributes())
            .Where(attribute => attribute.AttributeClass?.ToDisplayString() == RegistrationAttribute
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is INamedTypeSymbol)
            .Select(attribute => (INamedTypeSymbol)attribute.ConstructorArguments[0].Value!)
            .Where(type => type.DeclaredAccessibility == Accessibility.Public
                && type.GetMembers("Register").OfType<IMethodSymbol>().Any(m => m.IsStatic && m.Parameters.IsEmpty && m.DeclaredAccessibility == Accessibility.Public))
            .Select(type => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .Distinct()
            .OrderBy(name => name, System.StringComparer.Ordinal);
        var isProgram = compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication;
        return new TrackerConnection(true, isProgram, new EquatableArray<string>(registrations));
    }
}
