using System.Globalization;

namespace Padre.Pads.Stores.Mlflow.FileStore;

// Run reads: get, metric history, search.
public sealed partial class FileTrackingStore
{
    // MLflow's SEARCH_MAX_RESULTS_THRESHOLD.
    private const int MaxSearchResults = 50000;

    /// <inheritdoc />
    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard("read a run", () => RunDirectory(runId) is { } directory ? ReadRun(directory) : null));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ValidateKey(key, "name", "Metric name");
        return Task.FromResult(Guard<IReadOnlyList<Metric>>("read a metric history", () =>
        {
            if (RunDirectory(runId) is not { } directory)
            {
                return [];
            }

            var path = FileStoreLayout.KeyPath(Path.Combine(directory, FileStoreLayout.MetricsFolder), key);
            return File.Exists(path) ? ReadMetricFile(path, key) : [];
        }));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> SearchRunsAsync(IReadOnlyList<string> experimentIds, string? filter = null, ViewType viewType = ViewType.ActiveOnly, int maxResults = 1000, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (maxResults is < 1 or > MaxSearchResults)
        {
            throw new TrackingStoreException(InvalidParameterValue, $"Invalid value {maxResults} for parameter 'max_results' supplied. It must be a positive integer at most {MaxSearchResults}.");
        }

        var runFilter = RunFilter.Parse(filter);
        return Task.FromResult(Guard<IReadOnlyList<RunRecord>>("search runs", () =>
        {
            var runs = new List<RunRecord>();
            foreach (var experimentId in experimentIds.Distinct(StringComparer.Ordinal))
            {
                if (_layout.ExperimentDirectory(experimentId) is not { } experimentDirectory)
                {
                    continue;
                }

                foreach (var runDirectory in FileStoreLayout.RunDirectories(experimentDirectory))
                {
                    var meta = ReadRunMeta(runDirectory);
                    var deleted = meta.LifecycleStage == RunMeta.Deleted;
                    if (meta.ExperimentId != experimentId || meta.RunId != Path.GetFileName(runDirectory) ||
                        (viewType == ViewType.ActiveOnly && deleted) || (viewType == ViewType.DeletedOnly && !deleted))
                    {
                        continue;
                    }

                    var run = ReadRun(runDirectory, meta);
                    if (runFilter.Matches(run))
                    {
                        runs.Add(run);
                    }
                }
            }

            return runs
                .OrderByDescending(run => run.Info.StartTime)
                .ThenBy(run => run.Info.RunId, StringComparer.Ordinal)
                .Take(maxResults)
                .ToList();
        }));
    }

    private static RunRecord ReadRun(string runDirectory) => ReadRun(runDirectory, ReadRunMeta(runDirectory));

    private static RunRecord ReadRun(string runDirectory, RunMeta meta)
    {
        var metrics = FileStoreLayout.KeyFiles(Path.Combine(runDirectory, FileStoreLayout.MetricsFolder))
            .Select(file => LatestMetric(ReadMetricFile(file.Path, file.Key)))
            .OfType<Metric>()
            .ToList();
        var parameters = FileStoreLayout.KeyFiles(Path.Combine(runDirectory, FileStoreLayout.ParamsFolder))
            .Select(file => new Param(file.Key, File.ReadAllText(file.Path)))
            .ToList();
        var tags = FileStoreLayout.KeyFiles(Path.Combine(runDirectory, FileStoreLayout.TagsFolder))
            .Select(file => new RunTag(file.Key, File.ReadAllText(file.Path)))
            .ToList();
        var info = meta.ToRunInfo();
        if (string.IsNullOrEmpty(info.RunName) && tags.FirstOrDefault(tag => tag.Key == RunNameTag).Value is { Length: > 0 } name)
        {
            info = info with { RunName = name };
        }

        return new RunRecord(info, metrics, parameters, tags, ReadInputs(runDirectory));
    }

    // MLflow's rule: the point with the largest (step, timestamp, value); NaN never compares larger, so on a tie
    // with NaN the earlier line wins, as Python's max() keeps the first maximum.
    private static Metric? LatestMetric(IReadOnlyList<Metric> history)
    {
        Metric? latest = null;
        foreach (var point in history)
        {
            if (latest is not { } best ||
                point.Step > best.Step ||
                (point.Step == best.Step && (point.Timestamp > best.Timestamp ||
                    (point.Timestamp == best.Timestamp && point.Value > best.Value))))
            {
                latest = point;
            }
        }

        return latest;
    }

    private static List<Metric> ReadMetricFile(string path, string key)
    {
        var metrics = new List<Metric>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var parts = line.Trim().Split(' ');
            if (parts.Length is not (2 or 3 or 5) ||
                !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var timestamp) ||
                !PythonFloat.TryParse(parts[1], out var value))
            {
                throw new FormatException($"metric '{key}' has a malformed line '{line}' in {path}; expected '<timestamp> <value> <step>'");
            }

            // As MLflow's _get_metric_from_line: only the 3-field form carries the step (the 5-field form,
            // with dataset name and digest, is read with step 0 by MLflow too).
            var step = parts.Length == 3 ? long.Parse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
            metrics.Add(new Metric(key, value, timestamp, step));
        }

        return metrics;
    }

    private static List<DatasetInput> ReadInputs(string runDirectory)
    {
        var inputsFolder = Path.Combine(runDirectory, FileStoreLayout.InputsFolder);
        var datasetsFolder = Path.Combine(Path.GetDirectoryName(runDirectory)!, FileStoreLayout.DatasetsFolder);
        var inputs = new List<DatasetInput>();
        if (!Directory.Exists(inputsFolder))
        {
            return inputs;
        }

        foreach (var inputDirectory in Directory.EnumerateDirectories(inputsFolder).Order(StringComparer.Ordinal))
        {
            var metaPath = Path.Combine(inputDirectory, FileStoreLayout.MetaFile);
            if (!File.Exists(metaPath))
            {
                continue;
            }

            var input = PyYamlReader.Read(File.ReadAllText(metaPath));
            if (RunMeta.Text(input, "source_type") != "DATASET" || RunMeta.Text(input, "source_id") is not { } datasetId)
            {
                continue;
            }

            var datasetMeta = Path.Combine(datasetsFolder, datasetId, FileStoreLayout.MetaFile);
            if (!FileStoreLayout.IsValidRunId(datasetId) || !File.Exists(datasetMeta))
            {
                // MLflow skips (and warns about) an input whose dataset is missing.
                continue;
            }

            var fields = PyYamlReader.Read(File.ReadAllText(datasetMeta));
            var dataset = new Dataset(
                RunMeta.Text(fields, "name") ?? string.Empty,
                RunMeta.Text(fields, "digest") ?? string.Empty,
                RunMeta.Text(fields, "source_type") ?? string.Empty,
                RunMeta.Text(fields, "source") ?? string.Empty,
                RunMeta.Text(fields, "schema"),
                RunMeta.Text(fields, "profile"));
            var tags = input.GetValueOrDefault("tags") is Dictionary<string, object?> tagMap
                ? tagMap.Select(pair => new RunTag(pair.Key, pair.Value as string ?? string.Empty)).ToList()
                : [];
            inputs.Add(new DatasetInput(dataset, tags));
        }

        return inputs;
    }
}
