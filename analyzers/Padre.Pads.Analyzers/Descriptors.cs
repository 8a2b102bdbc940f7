using Microsoft.CodeAnalysis;

namespace Padre.Pads.Analyzers;

/// <summary>
/// Every diagnostic the analyzers report (PADRE020 and up; PADRE001-PADRE019 belong to the generator).
/// Each message says how to fix the problem; each help link opens its section of docs/diagnostics.md.
/// </summary>
internal static class Descriptors
{
    private const string Setup = "Padre.Pads.Setup";
    private const string Usage = "Padre.Pads.Usage";
    private const string HelpRoot = "https://github.com/padre-lab/padre-pads/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InterceptorsNotEnabled = Create(
        "PADRE020",
        "Interceptors are not enabled for Padre.Pads",
        "Interceptors are not enabled for the namespace 'Padre.Pads.Generated', so nothing in this project is tracked and generated code fails with CS9137; add <InterceptorsNamespaces>$(InterceptorsNamespaces);Padre.Pads.Generated</InterceptorsNamespaces> to the project file (the Padre.Pads package's build targets do this unless they were not imported)",
        Setup,
        DiagnosticSeverity.Error,
        compilationEnd: true);

    public static readonly DiagnosticDescriptor GeneratorDidNotRun = Create(
        "PADRE021",
        "The Padre.Pads source generator did not run",
        "This project references Padre.Pads but its source generator produced nothing, so no call is tracked. Usual causes: the compiler is older than the generator needs (warning CS9057; use the .NET SDK 9.0.300 or newer, or Visual Studio 17.14 or newer) or a generator dependency failed to load (warning CS8785, e.g. YamlDotNet; run 'dotnet restore' and make sure the package's analyzers folder is complete). If you use the runtime without the generator on purpose, suppress PADRE021.",
        Setup,
        DiagnosticSeverity.Error,
        compilationEnd: true);

    public static readonly DiagnosticDescriptor CallNotInterceptable = Create(
        "PADRE022",
        "Tracked call cannot be intercepted",
        "'{0}' is called through {1}, which cannot be intercepted: {2}; {3}",
        Usage,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnseededContext = Create(
        "PADRE023",
        "MLContext created without a seed in a tracked run",
        "This MLContext has no seed, so every run shuffles, splits and initialises differently and recorded runs cannot be reproduced or compared; pass a seed, e.g. new MLContext(seed: 1)",
        Usage,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExperimentOnUninterceptableMethod = Create(
        "PADRE024",
        "[PadreExperiment] on a method that cannot start a run",
        "[PadreExperiment] cannot be used on {0} '{1}': {2}; {3}",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ExperimentNeverCalled = Create(
        "PADRE025",
        "Experiment method is never called",
        "Experiment method '{0}' is never called in this project, and a run is recorded only when code in this project calls it directly; call it (e.g. from Main or top-level statements) or remove [PadreExperiment]",
        Usage,
        DiagnosticSeverity.Warning,
        compilationEnd: true);

    public static readonly DiagnosticDescriptor InvalidName = Create(
        "PADRE026",
        "Experiment, project or dataset name is invalid",
        "The {0} of [{1}] on '{2}' {3}; {4}",
        Usage,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DatasetWithoutData = Create(
        "PADRE027",
        "[PadreDataset] on a method that returns no data",
        "[PadreDataset] method '{0}' returns {1}, so there is no dataset to record; return the data (e.g. IDataView) or move the attribute to the method that loads it",
        Usage,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TrackWithoutHooks = Create(
        "PADRE028",
        "[Track] names no hook",
        "[Track] on '{0}' names no hook, so nothing is recorded for its calls; name the hooks to fire, e.g. [Track(Hook.Fit)]",
        Usage,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TrackDuplicateHook = Create(
        "PADRE029",
        "[Track] names a hook twice",
        "[Track] on '{0}' names Hook.{1} more than once; remove the duplicate",
        Usage,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExperimentWithTrack = Create(
        "PADRE030",
        "[PadreExperiment] and [Track] on the same method",
        "'{0}' has both [PadreExperiment] and [Track]: the experiment already records the call as a run, and [Track] would record the whole experiment as one {1} event inside it; put [Track] on the method that does that work and call it from the experiment",
        Usage,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor AsyncVoidExperiment = Create(
        "PADRE031",
        "Experiment method is async void",
        "Experiment method '{0}' is async void: its run ends at the first await, before the work is done, and a later exception is not recorded as a failed run; return Task and await the call",
        Usage,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor IteratorExperiment = Create(
        "PADRE032",
        "Experiment method is an iterator",
        "Experiment method '{0}' is an iterator: its body runs only when the result is enumerated, after its run has ended, so nothing it does is recorded in that run; return a materialised result (e.g. a List) instead of using yield",
        Usage,
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(
        string id, string title, string message, string category, DiagnosticSeverity severity, bool compilationEnd = false) =>
        new(
            id,
            title,
            message,
            category,
            severity,
            isEnabledByDefault: true,
            description: null,
            helpLinkUri: HelpRoot + id.ToLowerInvariant(),
            customTags: compilationEnd ? [WellKnownDiagnosticTags.CompilationEnd] : []);
}
