using System.Security.Cryptography;
using System.Text;

namespace Padre.Pads.Stores.Mlflow.FileStore;

// Run writes: create, update, log-batch, inputs, delete/restore.
public sealed partial class FileTrackingStore
{
    /// <inheritdoc />
    public Task<RunInfo> CreateRunAsync(RunCreation creation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        cancellationToken.ThrowIfCancellationRequested();
        if (!FileStoreLayout.IsValidRunId(creation.RunId))
        {
            throw new TrackingStoreException(InvalidParameterValue, $"Invalid run ID: '{creation.RunId}'. Use 32 lowercase hex characters (a Guid formatted \"N\").");
        }

        var tags = creation.Tags.Select(tag => new RunTag(tag.Key, MlflowRules.TruncateTagValue(tag.Value))).ToList();
        foreach (var tag in tags)
        {
            ValidateKey(tag.Key, "key", "key");
        }

        var nameTag = tags.LastOrDefault(tag => tag.Key == RunNameTag).Value;
        if (!string.IsNullOrEmpty(creation.RunName) && !string.IsNullOrEmpty(nameTag) && creation.RunName != nameTag)
        {
            throw new TrackingStoreException(InvalidParameterValue, $"Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='{creation.RunName}', mlflow.runName='{nameTag}').");
        }

        var runName = !string.IsNullOrEmpty(creation.RunName) ? creation.RunName : !string.IsNullOrEmpty(nameTag) ? nameTag : RunNameGenerator.Next();
        if (string.IsNullOrEmpty(nameTag))
        {
            tags.Add(new RunTag(RunNameTag, runName));
        }

        return Task.FromResult(Guard("create a run", () =>
        {
            var experimentDirectory = _layout.ExperimentDirectory(creation.ExperimentId)
                ?? throw new TrackingStoreException(ResourceDoesNotExist, $"Could not create run under experiment with ID {creation.ExperimentId} - no such experiment exists.");
            var experiment = ReadExperiment(experimentDirectory);
            if (experiment.LifecycleStage != RunMeta.Active)
            {
                throw new TrackingStoreException("INVALID_STATE", $"Could not create run under non-active experiment with ID {creation.ExperimentId}.");
            }

            var runDirectory = Path.Combine(experimentDirectory, creation.RunId);
            if (Directory.Exists(runDirectory) || _layout.FindRunDirectory(creation.RunId) is not null)
            {
                throw new TrackingStoreException(ResourceAlreadyExists, $"Run '{creation.RunId}' already exists in the file store {TrackingUri}; propose a new run id.");
            }

            var meta = new RunMeta(creation.RunId, creation.ExperimentId, runName, creation.UserId, RunStatus.Running, creation.StartTime,
                EndTime: null, $"{experiment.ArtifactLocation}/{creation.RunId}/{FileStoreLayout.ArtifactsFolder}", RunMeta.Active, DeletedTime: null);
            Directory.CreateDirectory(runDirectory);
            Directory.CreateDirectory(Path.Combine(runDirectory, FileStoreLayout.MetricsFolder));
            Directory.CreateDirectory(Path.Combine(runDirectory, FileStoreLayout.ParamsFolder));
            Directory.CreateDirectory(Path.Combine(runDirectory, FileStoreLayout.ArtifactsFolder));
            Directory.CreateDirectory(Path.Combine(runDirectory, FileStoreLayout.TagsFolder));
            WriteRunMeta(runDirectory, meta);
            foreach (var tag in tags)
            {
                WriteRunTag(runDirectory, tag);
            }

            _runDirectories[creation.RunId] = runDirectory;
            return meta.ToRunInfo();
        }));
    }

    /// <inheritdoc />
    public Task<RunInfo> UpdateRunAsync(string runId, RunStatus status, long? endTime, string? runName = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard("update a run", () =>
        {
            var (directory, meta) = ActiveRun(runId);
            // MLflow's _copy_with_overrides: a missing (or zero) end time keeps the recorded one.
            var updated = meta with
            {
                Status = status,
                EndTime = endTime is { } end && end != 0 ? end : meta.EndTime,
                RunName = string.IsNullOrEmpty(runName) ? meta.RunName : runName,
                DeletedTime = null,
            };
            if (!string.IsNullOrEmpty(runName))
            {
                WriteRunTag(directory, new RunTag(RunNameTag, runName));
            }

            WriteRunMeta(directory, updated);
            return updated.ToRunInfo();
        }));
    }

    /// <inheritdoc />
    public Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ValidateBatch(metrics, parameters, tags);
        Guard("log a batch", () =>
        {
            var (directory, meta) = ActiveRun(runId);
            var paramsFolder = Path.Combine(directory, FileStoreLayout.ParamsFolder);
            var newParams = new List<(string Path, string Value)>();
            foreach (var param in parameters)
            {
                var value = MlflowRules.TruncateParamValue(param.Value);
                var path = FileStoreLayout.KeyPath(paramsFolder, param.Key);
                if (File.Exists(path))
                {
                    var current = File.ReadAllText(path);
                    if (current != value)
                    {
                        throw new TrackingStoreException(InvalidParameterValue, $"Changing param values is not allowed. Param with key='{param.Key}' was already logged with value='{current}' for run ID='{runId}'. Attempted logging new value '{value}'.");
                    }

                    continue;
                }

                newParams.Add((path, value));
            }

            // Every check passed before the first write, so a refused batch changes nothing.
            foreach (var (path, value) in newParams)
            {
                AtomicFile.WriteAllText(path, value, directory);
            }

            var metricsFolder = Path.Combine(directory, FileStoreLayout.MetricsFolder);
            foreach (var group in metrics.GroupBy(metric => metric.Key, StringComparer.Ordinal))
            {
                var lines = new StringBuilder();
                foreach (var metric in group)
                {
                    lines.Append(metric.Timestamp).Append(' ').Append(PythonFloat.Format(metric.Value)).Append(' ').Append(metric.Step).Append('\n');
                }

                AtomicFile.Append(FileStoreLayout.KeyPath(metricsFolder, group.Key), lines.ToString());
            }

            foreach (var tag in tags)
            {
                var value = MlflowRules.TruncateTagValue(tag.Value);
                if (tag.Key == RunNameTag && value != meta.RunName)
                {
                    meta = meta with { RunName = value };
                    WriteRunMeta(directory, meta);
                }

                WriteRunTag(directory, new RunTag(tag.Key, value));
            }
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var input in inputs)
        {
            ValidateDatasetInput(input);
        }

        Guard("log dataset inputs", () =>
        {
            var (directory, meta) = ActiveRun(runId);
            var experimentDirectory = Path.GetDirectoryName(directory)!;
            foreach (var input in inputs)
            {
                var dataset = input.Dataset;
                var datasetId = Md5Hex(dataset.Name, dataset.Digest ?? string.Empty);
                var datasetDirectory = Path.Combine(experimentDirectory, FileStoreLayout.DatasetsFolder, datasetId);
                if (!Directory.Exists(datasetDirectory))
                {
                    Directory.CreateDirectory(datasetDirectory);
                    AtomicFile.WriteAllText(Path.Combine(datasetDirectory, FileStoreLayout.MetaFile), DatasetYaml(dataset), experimentDirectory);
                }

                var inputDirectory = Path.Combine(directory, FileStoreLayout.InputsFolder, Md5Hex(datasetId, meta.RunId));
                if (Directory.Exists(inputDirectory))
                {
                    continue;
                }

                Directory.CreateDirectory(inputDirectory);
                var inputTags = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var tag in input.Tags)
                {
                    inputTags[tag.Key] = tag.Value;
                }

                // MLflow's _FileStoreInput.write_yaml writes the dataset id as destination_id (not the run id).
                var yaml = PyYamlWriter.Write(new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["destination_id"] = datasetId,
                    ["destination_type"] = "RUN",
                    ["source_id"] = datasetId,
                    ["source_type"] = "DATASET",
                    ["tags"] = inputTags,
                });
                AtomicFile.WriteAllText(Path.Combine(inputDirectory, FileStoreLayout.MetaFile), yaml, directory);
            }
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Guard("delete a run", () =>
        {
            var (directory, meta) = ExistingRun(runId);
            WriteRunMeta(directory, meta with { LifecycleStage = RunMeta.Deleted, DeletedTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() });
        });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Guard("restore a run", () =>
        {
            var (directory, meta) = ExistingRun(runId);
            WriteRunMeta(directory, meta with { LifecycleStage = RunMeta.Active, DeletedTime = null });
        });
        return Task.CompletedTask;
    }

    private static string DatasetYaml(Dataset dataset) => PyYamlWriter.Write(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["digest"] = dataset.Digest ?? string.Empty,
        ["name"] = dataset.Name,
        ["profile"] = dataset.Profile,
        ["schema"] = dataset.Schema,
        ["source"] = dataset.Source,
        ["source_type"] = dataset.SourceType,
    });

    private static string Md5Hex(string first, string second)
    {
#pragma warning disable CA5351 // MLflow derives dataset and input ids with MD5; the ids must match, this is no security use.
        return Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(first + second))).ToLowerInvariant();
#pragma warning restore CA5351
    }

    private (string Directory, RunMeta Meta) ExistingRun(string runId)
    {
        var directory = RunDirectory(runId) ?? throw new TrackingStoreException(ResourceDoesNotExist, $"Run '{runId}' not found");
        return (directory, ReadRunMeta(directory));
    }

    private (string Directory, RunMeta Meta) ActiveRun(string runId)
    {
        var (directory, meta) = ExistingRun(runId);
        if (meta.LifecycleStage != RunMeta.Active)
        {
            throw new TrackingStoreException(InvalidParameterValue, $"The run {runId} must be in the 'active' state. Current state is {meta.LifecycleStage}.");
        }

        return (directory, meta);
    }

    private string? RunDirectory(string runId)
    {
        if (_runDirectories.TryGetValue(runId, out var cached) && FileStoreLayout.IsRunDirectory(cached))
        {
            return cached;
        }

        var found = _layout.FindRunDirectory(runId);
        if (found is not null)
        {
            _runDirectories[runId] = found;
        }

        return found;
    }

    private static RunMeta ReadRunMeta(string runDirectory) =>
        RunMeta.FromYaml(File.ReadAllText(Path.Combine(runDirectory, FileStoreLayout.MetaFile)));

    private static void WriteRunMeta(string runDirectory, RunMeta meta) =>
        AtomicFile.WriteAllText(Path.Combine(runDirectory, FileStoreLayout.MetaFile), meta.ToYaml(), runDirectory);

    private static void WriteRunTag(string runDirectory, RunTag tag) =>
        AtomicFile.WriteAllText(FileStoreLayout.KeyPath(Path.Combine(runDirectory, FileStoreLayout.TagsFolder), tag.Key), tag.Value ?? string.Empty, runDirectory);

    private static void ValidateBatch(IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags)
    {
        if (metrics.Count > MlflowRules.MaxMetricsPerBatch)
        {
            throw new TrackingStoreException(InvalidParameterValue, $"A batch logging request can contain at most {MlflowRules.MaxMetricsPerBatch} metrics. Got {metrics.Count} metrics. Please split up metrics across multiple requests and try again.");
        }

        if (parameters.Count > MlflowRules.MaxParamsPerBatch)
        {
            throw new TrackingStoreException(InvalidParameterValue, $"A batch logging request can contain at most {MlflowRules.MaxParamsPerBatch} params. Got {parameters.Count} params. Please split up params across multiple requests and try again.");
        }

        if (tags.Count > MlflowRules.MaxTagsPerBatch)
        {
            throw new TrackingStoreException(InvalidParameterValue, $"A batch logging request can contain at most {MlflowRules.MaxTagsPerBatch} tags. Got {tags.Count} tags. Please split up tags across multiple requests and try again.");
        }

        var total = metrics.Count + parameters.Count + tags.Count;
        if (total > MlflowRules.MaxEntitiesPerBatch)
        {
            throw new TrackingStoreException(InvalidParameterValue, $"A batch logging request can contain at most {MlflowRules.MaxEntitiesPerBatch} metrics, params, and tags. Got {total} metrics, params, and tags. Please split up metrics, params, and tags across multiple requests and try again.");
        }

        foreach (var metric in metrics)
        {
            ValidateKey(metric.Key, "name", "Metric name");
        }

        foreach (var param in parameters)
        {
            ValidateKey(param.Key, "key", "Param key");
        }

        foreach (var tag in tags)
        {
            ValidateKey(tag.Key, "key", "key");
        }

        var duplicates = parameters.GroupBy(param => param.Key, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => $"'{group.Key}'").ToList();
        if (duplicates.Count > 0)
        {
            throw new TrackingStoreException(InvalidParameterValue, $"Duplicate parameter keys have been submitted: [{string.Join(", ", duplicates)}]. Please ensure the request contains only one param value per param key.");
        }
    }

    private static void ValidateDatasetInput(DatasetInput input)
    {
        var dataset = input.Dataset ?? throw new TrackingStoreException(InvalidParameterValue, "Missing value for required parameter 'dataset'.");
        Check(dataset.Name, "name", MlflowRules.MaxDatasetNameLength, required: true);
        Check(dataset.Digest, "digest", MlflowRules.MaxDatasetDigestLength, required: false);
        Check(dataset.SourceType, "source_type", int.MaxValue, required: true);
        Check(dataset.Source, "source", MlflowRules.MaxDatasetSourceLength, required: true);
        Check(dataset.Schema, "schema", MlflowRules.MaxDatasetSchemaLength, required: false);
        Check(dataset.Profile, "profile", MlflowRules.MaxDatasetProfileLength, required: false);
        foreach (var tag in input.Tags)
        {
            Check(tag.Key, "key", MlflowRules.MaxInputTagKeyLength, required: true);
            Check(tag.Value, "value", MlflowRules.MaxInputTagValueLength, required: true);
        }

        static void Check(string? value, string field, int max, bool required)
        {
            if (required && string.IsNullOrEmpty(value))
            {
                throw new TrackingStoreException(InvalidParameterValue, $"Missing value for required parameter '{field}'.");
            }

            if (value is not null && value.Length > max)
            {
                throw new TrackingStoreException(InvalidParameterValue, $"'{field}' exceeds the maximum length of {max} characters");
            }
        }
    }
}
