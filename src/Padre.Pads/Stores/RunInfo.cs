namespace Padre.Pads.Stores;

/// <summary>The metadata of a run (MLflow's <c>RunInfo</c>).</summary>
public sealed record RunInfo(
    string RunId,
    string ExperimentId,
    string RunName,
    string UserId,
    RunStatus Status,
    long StartTime,
    long? EndTime,
    string ArtifactUri,
    string LifecycleStage);
