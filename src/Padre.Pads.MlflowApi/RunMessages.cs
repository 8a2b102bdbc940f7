using System.Text.Json.Serialization;

namespace Padre.Pads.Stores.Mlflow.Rest;

// MLflow's run messages in proto3-JSON. Run-scoped reads and updates carry both run_id and the legacy
// run_uuid, writes that the python client sends with run_id only do the same.

internal sealed record MetricDto(
    string? Key,
    [property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString)]
    double Value,
    long Timestamp,
    long Step);

internal sealed record RunInfoDto(
    string? RunId,
    string? RunUuid,
    string? ExperimentId,
    string? RunName,
    string? UserId,
    string? Status,
    long? StartTime,
    long? EndTime,
    string? ArtifactUri,
    string? LifecycleStage);

internal sealed record RunDataDto(List<MetricDto>? Metrics, List<KeyValueDto>? Params, List<KeyValueDto>? Tags);

internal sealed record DatasetDto(string? Name, string? Digest, string? SourceType, string? Source, string? Schema, string? Profile);

internal sealed record DatasetInputDto(List<KeyValueDto>? Tags, DatasetDto? Dataset);

internal sealed record RunInputsDto(List<DatasetInputDto>? DatasetInputs);

internal sealed record RunDto(RunInfoDto? Info, RunDataDto? Data, RunInputsDto? Inputs);

internal sealed record RunResponse(RunDto? Run);

internal sealed record CreateRunRequest(string ExperimentId, string UserId, long StartTime, string? RunName, List<KeyValueDto>? Tags);

internal sealed record UpdateRunRequest(string RunId, string RunUuid, string Status, long? EndTime, string? RunName);

internal sealed record UpdateRunResponse(RunInfoDto? RunInfo);

internal sealed record RunIdRequest(string RunId);

internal sealed record SearchRunsRequest(List<string> ExperimentIds, string? Filter, string RunViewType, int MaxResults, string? PageToken);

internal sealed record SearchRunsResponse(List<RunDto>? Runs, string? NextPageToken);

internal sealed record LogBatchRequest(string RunId, List<MetricDto>? Metrics, List<KeyValueDto>? Params, List<KeyValueDto>? Tags);

internal sealed record LogInputsRequest(string RunId, List<DatasetInputDto> Datasets);

internal sealed record MetricHistoryResponse(List<MetricDto>? Metrics, string? NextPageToken);

internal sealed record ErrorResponse(string? ErrorCode, string? Message);

internal sealed record EmptyResponse;
