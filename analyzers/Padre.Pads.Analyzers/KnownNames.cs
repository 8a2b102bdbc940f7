namespace Padre.Pads.Analyzers;

/// <summary>
/// Names of Padre.Pads' runtime and generated types. The analyzers know them by name only: they
/// never reference the runtime, so they work with any version of it.
/// </summary>
internal static class KnownNames
{
    public const string RuntimeAssembly = "Padre.Pads";
    public const string GeneratedNamespace = "Padre.Pads.Generated";
    public const string GeneratorMarker = "Padre.Pads.Generated.PadreGeneratorMarker";

    public const string ExperimentAttribute = "Padre.Pads.PadreExperimentAttribute";
    public const string DatasetAttribute = "Padre.Pads.PadreDatasetAttribute";
    public const string TrackAttribute = "Padre.Pads.TrackAttribute";
    public const string HookEnum = "Padre.Pads.Hooks.Hook";

    public const string MLContext = "Microsoft.ML.MLContext";

    /// <summary>The compiler feature keys that carry <c>&lt;InterceptorsNamespaces&gt;</c> (the second is its preview-era name).</summary>
    public static readonly string[] InterceptorsFeatureKeys = ["InterceptorsNamespaces", "InterceptorsPreviewNamespaces"];

    /// <summary>MLflow rejects experiment names longer than this (see the reference limits).</summary>
    public const int MaxExperimentNameLength = 500;
}
