using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Padre.Pads.Stores.Mlflow.Sql;

public sealed partial class SqliteTrackingStore
{
    private const string RunNameTag = "mlflow.runName";

    [GeneratedRegex(@"^[a-zA-Z0-9][\w\-]{0,255}$")]
    private static partial Regex RunIdPattern();

    /// <inheritdoc />
    public Task<RunInfo> CreateRunAsync(RunCreation creation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        cancellationToken.ThrowIfCancellationRequested();
        var runId = string.IsNullOrEmpty(creation.RunId) ? Guid.NewGuid().ToString("N") : creation.RunId;
        if (!RunIdPattern().IsMatch(runId))
        {
            throw InvalidParameter($"Invalid run ID: '{runId}'");
        }

        var tags = LastValuePerKey(ValidTags(creation.Tags, MlflowRules.TruncateTagValue));
        var nameTag = tags.FirstOrDefault(tag => tag.Key == RunNameTag).Value;
        if (!string.IsNullOrEmpty(creation.RunName) && !string.IsNullOrEmpty(nameTag) && creation.RunName != nameTag)
        {
            throw InvalidParameter(
                "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with "
                + $"different values (run_name='{creation.RunName}', mlflow.runName='{nameTag}').");
        }

        var runName = !string.IsNullOrEmpty(creation.RunName) ? creation.RunName : !string.IsNullOrEmpty(nameTag) ? nameTag : RunNames.Generate();
        if (string.IsNullOrEmpty(nameTag))
        {
            tags.Add(new RunTag(RunNameTag, runName));
        }

        return Task.FromResult(Write((connection, transaction) =>
        {
            var experimentId = ParseExperimentId(creation.ExperimentId);
            var experiment = experimentId is null ? null : ReadExperiments(connection, transaction, "experiment_id = $id", ("$id", experimentId.Value)).FirstOrDefault();
            if (experiment is null)
            {
                throw new TrackingStoreException("RESOURCE_DOES_NOT_EXIST", $"No Experiment with id={creation.ExperimentId} exists");
            }

            if (experiment.LifecycleStage != "active")
            {
                throw InvalidParameter($"The experiment {experiment.ExperimentId} must be in the 'active' state. Current state is {experiment.LifecycleStage}.");
            }

            if (Scalar(connection, transaction, "SELECT 1 FROM runs WHERE run_uuid = $run", ("$run", runId)) is not null)
            {
                throw new TrackingStoreException("RESOURCE_ALREADY_EXISTS", $"Run with id={runId} already exists.");
            }

            var artifactUri = ArtifactLocation.Append(experiment.ArtifactLocation, runId, "artifacts");
            NonQuery(
                connection,
                transaction,
                "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, "
                + "source_version, lifecycle_stage, artifact_uri, experiment_id, deleted_time) "
                + "VALUES ($run, $name, 'UNKNOWN', '', '', $user, 'RUNNING', $start, NULL, '', 'active', $artifacts, $experiment, NULL)",
                ("$run", runId),
                ("$name", runName),
                ("$user", creation.UserId),
                ("$start", creation.StartTime),
                ("$artifacts", artifactUri),
                ("$experiment", experimentId!.Value));
            foreach (var tag in tags)
            {
                NonQuery(connection, transaction, "INSERT INTO tags (key, value, run_uuid) VALUES ($key, $value, $run)", ("$key", tag.Key), ("$value", tag.Value), ("$run", runId));
            }

            return new RunInfo(runId, experiment.ExperimentId, runName, creation.UserId, RunStatus.Running, creation.StartTime, null, artifactUri, "active");
        }));
    }

    /// <inheritdoc />
    public Task<RunInfo> UpdateRunAsync(string runId, RunStatus status, long? endTime, string? runName = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Write((connection, transaction) =>
        {
            RequireActiveRun(connection, transaction, runId);
            NonQuery(
                connection,
                transaction,
                "UPDATE runs SET status = $status, end_time = coalesce($end, end_time) WHERE run_uuid = $run",
                ("$status", StatusText(status)),
                ("$end", endTime),
                ("$run", runId));
            if (!string.IsNullOrEmpty(runName))
            {
                Rename(connection, transaction, runId, runName);
            }

            return ReadRunInfo(connection, transaction, runId)!;
        }));
    }

    /// <inheritdoc />
    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SetLifecycle(runId, "deleted", Now());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        SetLifecycle(runId, "active", null);
        return Task.CompletedTask;
    }

    private void SetLifecycle(string runId, string stage, long? deletedTime) => Write((connection, transaction) =>
    {
        var changed = NonQuery(
            connection,
            transaction,
            "UPDATE runs SET lifecycle_stage = $stage, deleted_time = $deleted WHERE run_uuid = $run",
            ("$stage", stage),
            ("$deleted", deletedTime),
            ("$run", runId));
        return changed == 0 ? throw RunNotFound(runId) : changed;
    });

    // MLflow keeps runs.name and the mlflow.runName tag equal; renaming writes both.
    private static void Rename(SqliteConnection connection, SqliteTransaction transaction, string runId, string runName)
    {
        NonQuery(connection, transaction, "UPDATE runs SET name = $name WHERE run_uuid = $run", ("$name", runName), ("$run", runId));
        NonQuery(
            connection,
            transaction,
            "INSERT INTO tags (key, value, run_uuid) VALUES ($key, $name, $run) ON CONFLICT (key, run_uuid) DO UPDATE SET value = excluded.value",
            ("$key", RunNameTag),
            ("$name", runName),
            ("$run", runId));
    }

    // Returns the run's experiment id.
    private static long RequireActiveRun(SqliteConnection connection, SqliteTransaction transaction, string runId)
    {
        using var command = Command(connection, transaction, "SELECT lifecycle_stage, experiment_id FROM runs WHERE run_uuid = $run", ("$run", runId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw RunNotFound(runId);
        }

        var stage = reader.IsDBNull(0) ? "active" : reader.GetString(0);
        if (stage != "active")
        {
            throw InvalidParameter($"The run {runId} must be in the 'active' state. Current state is {stage}.");
        }

        return reader.GetInt64(1);
    }

    private static List<RunTag> LastValuePerKey(List<RunTag> tags)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<RunTag>(tags.Count);
        foreach (var tag in tags)
        {
            if (byKey.TryGetValue(tag.Key, out var index))
            {
                result[index] = tag;
            }
            else
            {
                byKey[tag.Key] = result.Count;
                result.Add(tag);
            }
        }

        return result;
    }

    private static string StatusText(RunStatus status) => status switch
    {
        RunStatus.Running => "RUNNING",
        RunStatus.Scheduled => "SCHEDULED",
        RunStatus.Finished => "FINISHED",
        RunStatus.Failed => "FAILED",
        RunStatus.Killed => "KILLED",
        _ => throw InvalidParameter($"Unknown run status {(int)status}."),
    };

    private static RunStatus ParseStatus(string? text) => text switch
    {
        "SCHEDULED" => RunStatus.Scheduled,
        "FINISHED" => RunStatus.Finished,
        "FAILED" => RunStatus.Failed,
        "KILLED" => RunStatus.Killed,
        _ => RunStatus.Running,
    };
}
