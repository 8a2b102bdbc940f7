namespace Padre.Pads.Stores;

/// <summary>An MLflow experiment.</summary>
public sealed record Experiment(
    string ExperimentId,
    string Name,
    string ArtifactLocation,
    string LifecycleStage,
    long? CreationTime,
    long? LastUpdateTime,
    IReadOnlyList<RunTag> Tags);
