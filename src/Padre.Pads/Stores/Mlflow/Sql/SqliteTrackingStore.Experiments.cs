using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Padre.Pads.Stores.Mlflow.Sql;

public sealed partial class SqliteTrackingStore
{
    private const string ExperimentColumns = "experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time";

    /// <inheritdoc />
    public Task<Experiment?> GetExperimentAsync(string experimentId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = ParseExperimentId(experimentId);
        return Task.FromResult(id is null ? null : Execute(connection => ReadExperiments(connection, null, "experiment_id = $id", ("$id", id.Value)).FirstOrDefault()));
    }

    /// <inheritdoc />
    public Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Execute(connection => ReadExperiments(connection, null, "name = $name", ("$name", name)).FirstOrDefault()));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Experiment>> SearchExperimentsAsync(ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // MLflow's default order for search_experiments: last created first, then id.
        IReadOnlyList<Experiment> found = Execute(connection =>
            ReadExperiments(connection, null, LifecycleCondition(viewType) + " ORDER BY creation_time DESC, experiment_id ASC"));
        return Task.FromResult(found);
    }

    /// <inheritdoc />
    public Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(name))
        {
            throw InvalidParameter("Invalid experiment name: ''. Experiment names must be non-empty strings.");
        }

        if (name.Length > MlflowRules.MaxExperimentNameLength)
        {
            throw InvalidParameter($"Experiment name exceeds the maximum length of {MlflowRules.MaxExperimentNameLength} characters");
        }

        var experimentTags = ValidTags(tags ?? [], MlflowRules.TruncateExperimentTagValue);
        var location = string.IsNullOrEmpty(artifactLocation) ? null : ArtifactLocation.Resolve(artifactLocation);
        return Task.FromResult(Write((connection, transaction) =>
        {
            if (Scalar(connection, transaction, "SELECT 1 FROM experiments WHERE name = $name", ("$name", name)) is not null)
            {
                throw new TrackingStoreException("RESOURCE_ALREADY_EXISTS", $"Experiment(name={name}) already exists.");
            }

            var now = Now();
            // No id given: SQLite assigns max(id) + 1, exactly what MLflow's autoincrement insert gets.
            var id = (long)Scalar(
                connection,
                transaction,
                "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time, workspace) "
                + "VALUES ($name, $location, 'active', $now, $now, 'default') RETURNING experiment_id",
                ("$name", name),
                ("$location", location),
                ("$now", now))!;
            if (location is null)
            {
                NonQuery(
                    connection,
                    transaction,
                    "UPDATE experiments SET artifact_location = $location WHERE experiment_id = $id",
                    ("$location", ArtifactLocation.Append(_artifactRoot, id.ToString(CultureInfo.InvariantCulture))),
                    ("$id", id));
            }

            foreach (var tag in experimentTags)
            {
                NonQuery(
                    connection,
                    transaction,
                    "INSERT OR REPLACE INTO experiment_tags (key, value, experiment_id) VALUES ($key, $value, $id)",
                    ("$key", tag.Key),
                    ("$value", tag.Value),
                    ("$id", id));
            }

            return id.ToString(CultureInfo.InvariantCulture);
        }));
    }

    private static string LifecycleCondition(ViewType viewType) => viewType switch
    {
        ViewType.ActiveOnly => "lifecycle_stage = 'active'",
        ViewType.DeletedOnly => "lifecycle_stage = 'deleted'",
        _ => "1 = 1",
    };

    private static List<Experiment> ReadExperiments(SqliteConnection connection, SqliteTransaction? transaction, string condition, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<(long Id, string Name, string Location, string Stage, long? Created, long? Updated)>();
        using (var command = Command(connection, transaction, $"SELECT {ExperimentColumns} FROM experiments WHERE {condition}", parameters))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
                    reader.IsDBNull(3) ? "active" : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5)));
            }
        }

        var experiments = new List<Experiment>(rows.Count);
        foreach (var row in rows)
        {
            var tags = ReadPairs(connection, transaction, "SELECT key, value FROM experiment_tags WHERE experiment_id = $id ORDER BY key", ("$id", row.Id));
            experiments.Add(new Experiment(
                row.Id.ToString(CultureInfo.InvariantCulture),
                row.Name,
                row.Location,
                row.Stage,
                row.Created,
                row.Updated,
                tags.Select(pair => new RunTag(pair.Key, pair.Value)).ToList()));
        }

        return experiments;
    }

    private static List<KeyValuePair<string, string>> ReadPairs(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var pairs = new List<KeyValuePair<string, string>>();
        while (reader.Read())
        {
            pairs.Add(new(reader.GetString(0), reader.IsDBNull(1) ? string.Empty : reader.GetString(1)));
        }

        return pairs;
    }

    // Keys are checked (callers sanitize; a bad key here is a bug worth an error), values cut as MLflow does.
    private static List<RunTag> ValidTags(IReadOnlyList<RunTag> tags, Func<string?, string> truncate, string path = "tags")
    {
        var valid = new List<RunTag>(tags.Count);
        for (var index = 0; index < tags.Count; index++)
        {
            var key = tags[index].Key;
            if (MlflowRules.ValidateKey(key) is { } reason)
            {
                throw InvalidParameter($"Invalid value \"{key}\" for parameter '{path}[{index}].key' supplied: {reason}");
            }

            valid.Add(new RunTag(key, truncate(tags[index].Value)));
        }

        return valid;
    }
}
