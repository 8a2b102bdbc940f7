namespace Padre.Pads.Stores.Mlflow.Rest;

// MLflow's experiment messages in proto3-JSON (snake_case names, defaults omitted both ways).

internal sealed record KeyValueDto(string? Key, string? Value);

internal sealed record ExperimentDto(
    string? ExperimentId,
    string? Name,
    string? ArtifactLocation,
    string? LifecycleStage,
    long? CreationTime,
    long? LastUpdateTime,
    List<KeyValueDto>? Tags);

internal sealed record GetExperimentResponse(ExperimentDto? Experiment);

internal sealed record CreateExperimentRequest(string Name, string? ArtifactLocation, List<KeyValueDto>? Tags);

internal sealed record CreateExperimentResponse(string? ExperimentId);

internal sealed record SearchExperimentsRequest(int MaxResults, string ViewType, string? PageToken);

internal sealed record SearchExperimentsResponse(List<ExperimentDto>? Experiments, string? NextPageToken);
