using System.Text;
using Microsoft.Data.Sqlite;

namespace Padre.Pads.Stores.Mlflow.Sql;

public sealed partial class SqliteTrackingStore
{
    // MLflow's SQL store cannot hold infinities; it clamps them to the largest finite double.
    private const double LargestFinite = 1.7976931348623157e308;

    /// <inheritdoc />
    public Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CheckBatchLimits(metrics.Count, parameters.Count, tags.Count);
        var rows = MetricRows(metrics);
        var validParams = ValidParams(parameters);
        var validTags = LastValuePerKey(ValidTags(tags, MlflowRules.TruncateTagValue));
        Write((connection, transaction) =>
        {
            RequireActiveRun(connection, transaction, runId);
            WriteParams(connection, transaction, runId, validParams);
            WriteMetrics(connection, transaction, runId, rows);
            WriteTags(connection, transaction, runId, validTags);
            return 0;
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // As MLflow: the first input of each (name, digest) wins; later ones in the same call are ignored.
        var distinct = new List<DatasetInput>();
        var seen = new HashSet<(string, string)>();
        foreach (var input in inputs)
        {
            CheckDataset(input);
            if (seen.Add((input.Dataset.Name, input.Dataset.Digest)))
            {
                distinct.Add(input);
            }
        }

        if (distinct.Count == 0)
        {
            return Task.CompletedTask;
        }

        Write((connection, transaction) =>
        {
            var experimentId = RequireActiveRun(connection, transaction, runId);
            foreach (var input in distinct)
            {
                WriteInput(connection, transaction, runId, experimentId, input);
            }

            return 0;
        });
        return Task.CompletedTask;
    }

    private static void CheckBatchLimits(int metrics, int parameters, int tags)
    {
        if (metrics > MlflowRules.MaxMetricsPerBatch)
        {
            throw InvalidParameter($"A batch logging request can contain at most {MlflowRules.MaxMetricsPerBatch} metrics. Got {metrics} metrics. Please split up metrics across multiple requests and try again.");
        }

        if (parameters > MlflowRules.MaxParamsPerBatch)
        {
            throw InvalidParameter($"A batch logging request can contain at most {MlflowRules.MaxParamsPerBatch} params. Got {parameters} params. Please split up params across multiple requests and try again.");
        }

        if (tags > MlflowRules.MaxTagsPerBatch)
        {
            throw InvalidParameter($"A batch logging request can contain at most {MlflowRules.MaxTagsPerBatch} tags. Got {tags} tags. Please split up tags across multiple requests and try again.");
        }

        var total = metrics + parameters + tags;
        if (total > MlflowRules.MaxEntitiesPerBatch)
        {
            throw InvalidParameter($"A batch logging request can contain at most {MlflowRules.MaxEntitiesPerBatch} metrics, params, and tags. Got {total} metrics, params, and tags. Please split up metrics, params, and tags across multiple requests and try again.");
        }
    }

    /// <summary>A metric as MLflow's SQL store stores it: NaN as 0 with <c>is_nan</c>, infinities clamped.</summary>
    internal readonly record struct MetricRow(string Key, double Value, long Timestamp, long Step, bool IsNan)
    {
        public static MetricRow From(Metric metric) => new(
            metric.Key,
            double.IsNaN(metric.Value) ? 0.0 : double.IsPositiveInfinity(metric.Value) ? LargestFinite : double.IsNegativeInfinity(metric.Value) ? -LargestFinite : metric.Value,
            metric.Timestamp,
            metric.Step,
            double.IsNaN(metric.Value));

        // MLflow's order for the latest value: highest step, then timestamp, then value.
        public bool IsNewerThan(MetricRow other) =>
            Step != other.Step ? Step > other.Step
            : Timestamp != other.Timestamp ? Timestamp > other.Timestamp
            : Value > other.Value;
    }

    private static List<MetricRow> MetricRows(IReadOnlyList<Metric> metrics)
    {
        var rows = new List<MetricRow>(metrics.Count);
        for (var index = 0; index < metrics.Count; index++)
        {
            var key = metrics[index].Key;
            if (MlflowRules.ValidateKey(key) is { } reason)
            {
                throw InvalidParameter($"Invalid value \"{key}\" for parameter 'metrics[{index}].name' supplied: {reason}");
            }

            rows.Add(MetricRow.From(metrics[index]));
        }

        return rows;
    }

    private static List<Param> ValidParams(IReadOnlyList<Param> parameters)
    {
        var valid = new List<Param>(parameters.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        for (var index = 0; index < parameters.Count; index++)
        {
            var key = parameters[index].Key;
            if (MlflowRules.ValidateKey(key) is { } reason)
            {
                throw InvalidParameter($"Invalid value \"{key}\" for parameter 'params[{index}].key' supplied: {reason}");
            }

            if (!keys.Add(key))
            {
                duplicates.Add(key);
            }

            valid.Add(new Param(key, MlflowRules.TruncateParamValue(parameters[index].Value)));
        }

        if (duplicates.Count > 0)
        {
            throw InvalidParameter($"Duplicate parameter keys have been submitted: {PythonList(duplicates)}. Please ensure the request contains only one param value per param key.");
        }

        return valid;
    }

    private static void WriteParams(SqliteConnection connection, SqliteTransaction transaction, string runId, List<Param> parameters)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        var existing = ReadPairs(connection, transaction, "SELECT key, value FROM params WHERE run_uuid = $run", ("$run", runId))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var changed = new StringBuilder();
        foreach (var param in parameters)
        {
            if (existing.TryGetValue(param.Key, out var old) && old != param.Value)
            {
                changed.Append(changed.Length == 0 ? "" : ", ")
                    .Append("{'key': ").Append(PythonString(param.Key))
                    .Append(", 'old_value': ").Append(PythonString(old))
                    .Append(", 'new_value': ").Append(PythonString(param.Value)).Append('}');
            }
        }

        if (changed.Length > 0)
        {
            throw InvalidParameter($"Changing param values is not allowed. Params were already logged='[{changed}]' for run ID='{runId}'.");
        }

        using var insert = Command(connection, transaction, "INSERT OR IGNORE INTO params (key, value, run_uuid) VALUES ($key, $value, $run)", ("$key", ""), ("$value", ""), ("$run", runId));
        foreach (var param in parameters)
        {
            insert.Parameters["$key"].Value = param.Key;
            insert.Parameters["$value"].Value = param.Value;
            insert.ExecuteNonQuery();
        }
    }

    private static void WriteMetrics(SqliteConnection connection, SqliteTransaction transaction, string runId, List<MetricRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // A point already in the history (same key, timestamp, step, value) is skipped, as MLflow does.
        using (var insert = Command(
            connection,
            transaction,
            "INSERT OR IGNORE INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES ($key, $value, $timestamp, $run, $step, $nan)",
            ("$key", ""), ("$value", 0.0), ("$timestamp", 0L), ("$run", runId), ("$step", 0L), ("$nan", false)))
        {
            foreach (var row in rows)
            {
                insert.Parameters["$key"].Value = row.Key;
                insert.Parameters["$value"].Value = row.Value;
                insert.Parameters["$timestamp"].Value = row.Timestamp;
                insert.Parameters["$step"].Value = row.Step;
                insert.Parameters["$nan"].Value = row.IsNan;
                insert.ExecuteNonQuery();
            }
        }

        var newest = new Dictionary<string, MetricRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!newest.TryGetValue(row.Key, out var current) || row.IsNewerThan(current))
            {
                newest[row.Key] = row;
            }
        }

        using var read = Command(connection, transaction, "SELECT value, timestamp, step, is_nan FROM latest_metrics WHERE run_uuid = $run AND key = $key", ("$run", runId), ("$key", ""));
        using var upsert = Command(
            connection,
            transaction,
            "INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES ($key, $value, $timestamp, $step, $nan, $run) "
            + "ON CONFLICT (key, run_uuid) DO UPDATE SET value = excluded.value, timestamp = excluded.timestamp, step = excluded.step, is_nan = excluded.is_nan",
            ("$key", ""), ("$value", 0.0), ("$timestamp", 0L), ("$step", 0L), ("$nan", false), ("$run", runId));
        foreach (var candidate in newest.Values)
        {
            read.Parameters["$key"].Value = candidate.Key;
            using (var reader = read.ExecuteReader())
            {
                if (reader.Read())
                {
                    var stored = new MetricRow(candidate.Key, reader.GetDouble(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1), reader.GetInt64(2), reader.GetBoolean(3));
                    if (!candidate.IsNewerThan(stored))
                    {
                        continue;
                    }
                }
            }

            upsert.Parameters["$key"].Value = candidate.Key;
            upsert.Parameters["$value"].Value = candidate.Value;
            upsert.Parameters["$timestamp"].Value = candidate.Timestamp;
            upsert.Parameters["$step"].Value = candidate.Step;
            upsert.Parameters["$nan"].Value = candidate.IsNan;
            upsert.ExecuteNonQuery();
        }
    }

    private static void WriteTags(SqliteConnection connection, SqliteTransaction transaction, string runId, List<RunTag> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == RunNameTag)
            {
                Rename(connection, transaction, runId, tag.Value);
                continue;
            }

            NonQuery(
                connection,
                transaction,
                "INSERT INTO tags (key, value, run_uuid) VALUES ($key, $value, $run) ON CONFLICT (key, run_uuid) DO UPDATE SET value = excluded.value",
                ("$key", tag.Key),
                ("$value", tag.Value),
                ("$run", runId));
        }
    }

    private static void CheckDataset(DatasetInput input)
    {
        var dataset = input.Dataset ?? throw InvalidParameter("Dataset input must have a dataset associated with it.");
        Require(!string.IsNullOrEmpty(dataset.Name), "Dataset name must be specified.");
        Require(dataset.Name.Length <= MlflowRules.MaxDatasetNameLength, $"Dataset name exceeds the maximum length of {MlflowRules.MaxDatasetNameLength}");
        Require(dataset.Digest is not null && dataset.Digest.Length <= MlflowRules.MaxDatasetDigestLength, $"Dataset digest exceeds the maximum length of {MlflowRules.MaxDatasetDigestLength}");
        Require(!string.IsNullOrEmpty(dataset.SourceType), "Dataset source_type must be specified.");
        Require(dataset.Source is not null && dataset.Source.Length <= MlflowRules.MaxDatasetSourceLength, $"Dataset source exceeds the maximum length of {MlflowRules.MaxDatasetSourceLength}");
        Require((dataset.Schema?.Length ?? 0) <= MlflowRules.MaxDatasetSchemaLength, $"Dataset schema exceeds the maximum size of {MlflowRules.MaxDatasetSchemaLength}");
        Require((dataset.Profile?.Length ?? 0) <= MlflowRules.MaxDatasetProfileLength, $"Dataset profile exceeds the maximum size of {MlflowRules.MaxDatasetProfileLength}");
        foreach (var tag in input.Tags)
        {
            Require(!string.IsNullOrEmpty(tag.Key) && tag.Key.Length <= MlflowRules.MaxInputTagKeyLength, $"Input tag key '{tag.Key}' must be 1 to {MlflowRules.MaxInputTagKeyLength} characters.");
            Require(tag.Value is not null && tag.Value.Length <= MlflowRules.MaxInputTagValueLength, $"Input tag '{tag.Key}' value exceeds the maximum length of {MlflowRules.MaxInputTagValueLength}");
        }

        static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw InvalidParameter(message);
            }
        }
    }

    private static void WriteInput(SqliteConnection connection, SqliteTransaction transaction, string runId, long experimentId, DatasetInput input)
    {
        var dataset = input.Dataset;
        var datasetUuid = Scalar(
            connection,
            transaction,
            "SELECT dataset_uuid FROM datasets WHERE experiment_id = $experiment AND name = $name AND digest = $digest",
            ("$experiment", experimentId),
            ("$name", dataset.Name),
            ("$digest", dataset.Digest)) as string;
        if (datasetUuid is null)
        {
            datasetUuid = Guid.NewGuid().ToString("N");
            NonQuery(
                connection,
                transaction,
                "INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source, dataset_schema, dataset_profile) "
                + "VALUES ($uuid, $experiment, $name, $digest, $sourceType, $source, $schema, $profile)",
                ("$uuid", datasetUuid),
                ("$experiment", experimentId),
                ("$name", dataset.Name),
                ("$digest", dataset.Digest),
                ("$sourceType", dataset.SourceType),
                ("$source", dataset.Source),
                ("$schema", dataset.Schema),
                ("$profile", dataset.Profile));
        }

        var alreadyLinked = Scalar(
            connection,
            transaction,
            "SELECT 1 FROM inputs WHERE source_type = 'DATASET' AND source_id = $dataset AND destination_type = 'RUN' AND destination_id = $run",
            ("$dataset", datasetUuid),
            ("$run", runId)) is not null;
        if (alreadyLinked)
        {
            return;
        }

        var inputUuid = Guid.NewGuid().ToString("N");
        NonQuery(
            connection,
            transaction,
            "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id, step) VALUES ($input, 'DATASET', $dataset, 'RUN', $run, 0)",
            ("$input", inputUuid),
            ("$dataset", datasetUuid),
            ("$run", runId));
        foreach (var tag in LastValuePerKey([.. input.Tags]))
        {
            NonQuery(connection, transaction, "INSERT INTO input_tags (input_uuid, name, value) VALUES ($input, $name, $value)", ("$input", inputUuid), ("$name", tag.Key), ("$value", tag.Value));
        }
    }

    // MLflow's messages print Python reprs of keys and values.
    private static string PythonString(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    private static string PythonList(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(PythonString)) + "]";
}
