namespace Padre.Pads.Stores.Mlflow.Rest;

/// <summary>Between the store's records and MLflow's REST messages; proto3 defaults (omitted fields) become empty values.</summary>
internal static class MessageMapping
{
    public static Experiment ToExperiment(this ExperimentDto dto) => new(
        dto.ExperimentId ?? string.Empty,
        dto.Name ?? string.Empty,
        dto.ArtifactLocation ?? string.Empty,
        dto.LifecycleStage ?? "active",
        dto.CreationTime,
        dto.LastUpdateTime,
        ToTags(dto.Tags));

    public static RunInfo ToRunInfo(this RunInfoDto dto) => new(
        dto.RunId ?? dto.RunUuid ?? string.Empty,
        dto.ExperimentId ?? string.Empty,
        dto.RunName ?? string.Empty,
        dto.UserId ?? string.Empty,
        ToStatus(dto.Status),
        dto.StartTime ?? 0,
        dto.EndTime,
        dto.ArtifactUri ?? string.Empty,
        dto.LifecycleStage ?? "active");

    public static RunRecord ToRunRecord(this RunDto dto) => new(
        (dto.Info ?? throw new TrackingStoreException("INVALID_RESPONSE", "The tracking server returned a run without 'info'.")).ToRunInfo(),
        dto.Data?.Metrics?.Select(ToMetric).ToList() ?? [],
        dto.Data?.Params?.Select(p => new Param(p.Key ?? string.Empty, p.Value ?? string.Empty)).ToList() ?? [],
        ToTags(dto.Data?.Tags),
        dto.Inputs?.DatasetInputs?.Select(ToDatasetInput).ToList() ?? []);

    public static Metric ToMetric(this MetricDto dto) => new(dto.Key ?? string.Empty, dto.Value, dto.Timestamp, dto.Step);

    public static MetricDto ToDto(this Metric metric) => new(metric.Key, metric.Value, metric.Timestamp, metric.Step);

    public static KeyValueDto ToDto(this RunTag tag) => new(tag.Key, tag.Value);

    public static DatasetInputDto ToDto(this DatasetInput input) => new(
        input.Tags.Count == 0 ? null : input.Tags.Select(ToDto).ToList(),
        new DatasetDto(input.Dataset.Name, input.Dataset.Digest, input.Dataset.SourceType, input.Dataset.Source, input.Dataset.Schema, input.Dataset.Profile));

    public static string ToWire(this RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Scheduled => "SCHEDULED",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown run status."),
    };

    public static string ToWire(this ViewType view) => view switch
    {
        ViewType.ActiveOnly => "ACTIVE_ONLY",
        ViewType.DeletedOnly => "DELETED_ONLY",
        ViewType.All => "ALL",
        _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown view type."),
    };

    private static RunStatus ToStatus(string? status) => status switch
    {
        "SCHEDULED" => RunStatus.Scheduled,
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        // A run reported without a status has not ended.
        _ => RunStatus.Running,
    };

    private static DatasetInput ToDatasetInput(DatasetInputDto dto)
    {
        var d = dto.Dataset;
        return new DatasetInput(
            new Dataset(d?.Name ?? string.Empty, d?.Digest ?? string.Empty, d?.SourceType ?? string.Empty, d?.Source ?? string.Empty, d?.Schema, d?.Profile),
            ToTags(dto.Tags));
    }

    private static List<RunTag> ToTags(List<KeyValueDto>? tags) =>
        tags?.Select(t => new RunTag(t.Key ?? string.Empty, t.Value ?? string.Empty)).ToList() ?? [];
}
