using Padre.Pads.Stores;

namespace Padre.Pads.Export;

/// <summary>What the exporter needs to create a run in the store (payload of <see cref="RecordKind.StartRun"/>).</summary>
/// <param name="ExperimentId">Explicit experiment id, or null to resolve <paramref name="ExperimentName"/>.</param>
/// <param name="ExperimentName">Experiment name, created on first use; null: MLflow's <c>Default</c>.</param>
/// <param name="RunName">The run name (also tag <c>mlflow.runName</c>).</param>
/// <param name="ParentRunId">The parent's local id for a nested run.</param>
/// <param name="UserId">The user.</param>
/// <param name="StartTime">Milliseconds since the Unix epoch.</param>
/// <param name="Tags">Tags at creation (system tags included; <c>mlflow.parentRunId</c> is added by the exporter).</param>
/// <param name="AttachToStoreRunId">An existing store run to attach to (<c>MLFLOW_RUN_ID</c>) instead of creating one.</param>
internal sealed record RunStart(
    string? ExperimentId,
    string? ExperimentName,
    string RunName,
    string? ParentRunId,
    string UserId,
    long StartTime,
    IReadOnlyList<RunTag> Tags,
    string? AttachToStoreRunId = null);
