using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports (PADRE001-PADRE019). Help: docs/diagnostics.md.</summary>
internal static class Descriptors
{
    private const string Category = "Padre.Pads.Generator";
    private const string HelpBase = "https://github.com/padre-lab/padre-pads/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidYaml = Create(
        "PADRE001", "Mapping file is not valid YAML",
        "Mapping file '{0}' is not valid YAML: {1}. Fix the syntax at this line; the file is ignored until then.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownKey = Create(
        "PADRE002", "Unknown key in mapping file",
        "Unknown key '{0}' in {1}; allowed keys are: {2}. Correct or remove it.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidValue = Create(
        "PADRE003", "Invalid value in mapping file",
        "Invalid value for '{0}': {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownType = Create(
        "PADRE004", "Mapped type does not exist",
        "Type '{0}' named in the mapping does not exist in this compilation; check its full metadata name (nested types use '+', generic types '`1').",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownMethod = Create(
        "PADRE005", "Mapped method does not exist",
        "No method of '{0}' (or an extension method on it) matches '{1}'; check the method name or regular expression.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor VersionExcluded = Create(
        "PADRE006", "Mapping does not apply to the referenced library version",
        "Mapping '{0}' covers {1} versions {2}, but version {3} is referenced; its hooks are not applied. Update the mapping's 'library.versions' range or the package.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownFragment = Create(
        "PADRE007", "Unknown fragment",
        "Fragment '{0}' is not defined in this mapping file; define it under 'fragments:' or fix the name.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InterceptorsDisabled = Create(
        "PADRE008", "Interceptors are not enabled",
        "Padre.Pads cannot track calls because interceptors are not enabled for 'Padre.Pads.Generated'; add <InterceptorsNamespaces>$(InterceptorsNamespaces);Padre.Pads.Generated</InterceptorsNamespaces> to the project (the Padre.Pads package does this for you)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NotInterceptable = Create(
        "PADRE009", "Tracked call cannot be intercepted",
        "The call to '{0}' is not tracked: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "PADRE010", "Padre.Pads generator failed",
        "The Padre.Pads generator failed on '{0}' and skipped it: {1}. Please report this with the code that caused it.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AttributedMethodInaccessible = Create(
        "PADRE011", "Attributed method cannot be intercepted",
        "Calls to '{0}' are not tracked: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor LocalFunctionNotTracked = Create(
        "PADRE012", "Attributed local function cannot be tracked",
        "Calls to the local function '{0}' are not tracked: C# cannot intercept calls to local functions, so its Padre attribute has no effect; {1}",
        DiagnosticSeverity.Warning);

    // Declared after every descriptor: static fields initialize in textual order.
    public static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = new[]
    {
        InvalidYaml, UnknownKey, InvalidValue, UnknownType, UnknownMethod, VersionExcluded, UnknownFragment,
        InterceptorsDisabled, NotInterceptable, GeneratorFailure, AttributedMethodInaccessible, LocalFunctionNotTracked,
    }.ToImmutableDictionary(d => d.Id);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
