using System.Globalization;

namespace Padre.Pads.Stores.Mlflow.FileStore;

/// <summary>A run's <c>meta.yaml</c>: MLflow's <c>RunInfo</c> plus the legacy fields the file store still writes.</summary>
internal sealed record RunMeta(
    string RunId,
    string ExperimentId,
    string RunName,
    string UserId,
    RunStatus Status,
    long StartTime,
    long? EndTime,
    string ArtifactUri,
    string LifecycleStage,
    long? DeletedTime)
{
    /// <summary>MLflow's lifecycle stage of a live run.</summary>
    public const string Active = "active";

    /// <summary>MLflow's lifecycle stage of a soft-deleted run.</summary>
    public const string Deleted = "deleted";

    // SourceType.LOCAL: the file store writes it for every run (mlflow.source.type carries the real one).
    private const int SourceTypeLocal = 4;

    /// <summary>The public run info.</summary>
    public RunInfo ToRunInfo() => new(RunId, ExperimentId, RunName, UserId, Status, StartTime, EndTime, ArtifactUri, LifecycleStage);

    /// <summary>The YAML text, as <c>_make_persisted_run_info_dict</c> + <c>write_yaml</c> produce it.</summary>
    public string ToYaml()
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["artifact_uri"] = ArtifactUri,
            ["end_time"] = EndTime,
            ["entry_point_name"] = string.Empty,
            ["experiment_id"] = ExperimentId,
            ["lifecycle_stage"] = LifecycleStage,
            ["run_id"] = RunId,
            ["run_name"] = RunName,
            ["source_name"] = string.Empty,
            ["source_type"] = SourceTypeLocal,
            ["source_version"] = string.Empty,
            ["start_time"] = StartTime,
            ["status"] = (int)Status,
            ["tags"] = Array.Empty<object>(),
            ["user_id"] = UserId,
        };
        if (DeletedTime is { } deleted)
        {
            fields["deleted_time"] = deleted;
        }

        return PyYamlWriter.Write(fields);
    }

    /// <summary>Reads a run's meta.yaml as MLflow's <c>_read_persisted_run_info_dict</c> does.</summary>
    public static RunMeta FromYaml(string yaml)
    {
        var fields = PyYamlReader.Read(yaml);
        var status = fields.GetValueOrDefault("status") is string statusText
            ? (RunStatus)int.Parse(statusText, CultureInfo.InvariantCulture)
            : RunStatus.Running;
        return new RunMeta(
            RunId: Text(fields, "run_id") ?? Text(fields, "run_uuid") ?? throw new FormatException("meta.yaml has no run_id."),
            ExperimentId: Text(fields, "experiment_id") ?? throw new FormatException("meta.yaml has no experiment_id."),
            RunName: Text(fields, "run_name") ?? string.Empty,
            UserId: Text(fields, "user_id") ?? string.Empty,
            Status: status,
            StartTime: Number(fields, "start_time") ?? 0,
            EndTime: Number(fields, "end_time"),
            ArtifactUri: Text(fields, "artifact_uri") ?? string.Empty,
            LifecycleStage: Text(fields, "lifecycle_stage") ?? Active,
            DeletedTime: Number(fields, "deleted_time"));
    }

    internal static string? Text(Dictionary<string, object?> fields, string key) =>
        fields.GetValueOrDefault(key) as string;

    internal static long? Number(Dictionary<string, object?> fields, string key) =>
        fields.GetValueOrDefault(key) is string text ? long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;
}
