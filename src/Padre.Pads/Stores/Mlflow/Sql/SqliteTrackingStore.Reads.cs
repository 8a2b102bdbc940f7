using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Padre.Pads.Stores.Mlflow.Sql;

public sealed partial class SqliteTrackingStore
{
    private const string RunColumns = "run_uuid, experiment_id, name, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage";

    /// <inheritdoc />
    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Execute(connection =>
        {
            var info = ReadRunInfo(connection, null, runId);
            return info is null ? null : ReadRecord(connection, info);
        }));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Metric> history = Execute(connection =>
        {
            // MLflow's order for get_metric_history.
            using var command = Command(
                connection,
                null,
                "SELECT key, value, timestamp, step, is_nan FROM metrics WHERE run_uuid = $run AND key = $key ORDER BY timestamp, step, value",
                ("$run", runId),
                ("$key", key));
            return ReadMetrics(command);
        });
        return Task.FromResult(history);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Filters: comparisons joined by <c>AND</c> on <c>attributes.status</c>, <c>attributes.run_name</c>, <c>attributes.run_id</c>,
    /// <c>attributes.user_id</c>, <c>attributes.start_time</c>/<c>end_time</c>, <c>params.&lt;key&gt;</c>, <c>tags.&lt;key&gt;</c>
    /// (=, !=, LIKE, ILIKE) and <c>metrics.&lt;key&gt;</c> (=, !=, &gt;, &gt;=, &lt;, &lt;=). Anything else is refused with a message naming it.
    /// </remarks>
    public Task<IReadOnlyList<RunRecord>> SearchRunsAsync(IReadOnlyList<string> experimentIds, string? filter = null, ViewType viewType = ViewType.ActiveOnly, int maxResults = 1000, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var condition = RunFilter.Parse(filter);
        var ids = experimentIds.Select(ParseExperimentId).Where(id => id is not null).Select(id => id!.Value).ToList();
        if (ids.Count == 0 || maxResults <= 0)
        {
            return Task.FromResult<IReadOnlyList<RunRecord>>([]);
        }

        IReadOnlyList<RunRecord> runs = Execute(connection =>
        {
            var sql = $"SELECT {RunColumns} FROM runs WHERE experiment_id IN ({string.Join(", ", ids)}) AND {LifecycleCondition(viewType)}"
                + (condition.Sql.Length > 0 ? " AND " + condition.Sql : "")
                + " ORDER BY start_time DESC, run_uuid ASC LIMIT $limit";
            var parameters = condition.Parameters.Append(("$limit", (object?)maxResults)).ToArray();
            List<RunInfo> infos;
            using (var command = Command(connection, null, sql, parameters))
            {
                infos = ReadRunInfos(command);
            }

            return infos.Select(info => ReadRecord(connection, info)).ToList();
        });
        return Task.FromResult(runs);
    }

    private static RunInfo? ReadRunInfo(SqliteConnection connection, SqliteTransaction? transaction, string runId)
    {
        using var command = Command(connection, transaction, $"SELECT {RunColumns} FROM runs WHERE run_uuid = $run", ("$run", runId));
        return ReadRunInfos(command).FirstOrDefault();
    }

    private static List<RunInfo> ReadRunInfos(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var infos = new List<RunInfo>();
        while (reader.Read())
        {
            infos.Add(new RunInfo(
                reader.GetString(0),
                reader.GetInt64(1).ToString(CultureInfo.InvariantCulture),
                reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
                reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
                ParseStatus(reader.IsDBNull(4) ? null : reader.GetString(4)),
                reader.IsDBNull(5) ? 0 : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.IsDBNull(7) ? string.Empty : reader.GetString(7),
                reader.IsDBNull(8) ? "active" : reader.GetString(8)));
        }

        return infos;
    }

    private static RunRecord ReadRecord(SqliteConnection connection, RunInfo info)
    {
        List<Metric> latest;
        using (var command = Command(connection, null, "SELECT key, value, timestamp, step, is_nan FROM latest_metrics WHERE run_uuid = $run ORDER BY key", ("$run", info.RunId)))
        {
            latest = ReadMetrics(command);
        }

        var parameters = ReadPairs(connection, null, "SELECT key, value FROM params WHERE run_uuid = $run ORDER BY key", ("$run", info.RunId))
            .Select(pair => new Param(pair.Key, pair.Value)).ToList();
        var tags = ReadPairs(connection, null, "SELECT key, value FROM tags WHERE run_uuid = $run ORDER BY key", ("$run", info.RunId))
            .Select(pair => new RunTag(pair.Key, pair.Value)).ToList();
        return new RunRecord(info, latest, parameters, tags, ReadInputs(connection, info.RunId));
    }

    private static List<Metric> ReadMetrics(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var metrics = new List<Metric>();
        while (reader.Read())
        {
            var value = reader.GetBoolean(4) ? double.NaN : reader.GetDouble(1);
            metrics.Add(new Metric(reader.GetString(0), value, reader.IsDBNull(2) ? 0 : reader.GetInt64(2), reader.GetInt64(3)));
        }

        return metrics;
    }

    private static List<DatasetInput> ReadInputs(SqliteConnection connection, string runId)
    {
        var inputs = new List<(string InputUuid, Dataset Dataset)>();
        using (var command = Command(
            connection,
            null,
            "SELECT i.input_uuid, d.name, d.digest, d.dataset_source_type, d.dataset_source, d.dataset_schema, d.dataset_profile "
            + "FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id "
            + "WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' AND i.destination_id = $run ORDER BY i.rowid",
            ("$run", runId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                inputs.Add((reader.GetString(0), new Dataset(
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6))));
            }
        }

        return inputs.Select(input => new DatasetInput(
            input.Dataset,
            ReadPairs(connection, null, "SELECT name, value FROM input_tags WHERE input_uuid = $input ORDER BY name", ("$input", input.InputUuid))
                .Select(pair => new RunTag(pair.Key, pair.Value)).ToList())).ToList();
    }
}
