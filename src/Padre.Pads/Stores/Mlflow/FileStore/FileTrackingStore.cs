using System.Collections.Concurrent;

namespace Padre.Pads.Stores.Mlflow.FileStore;

/// <summary>
/// MLflow's file store (<c>./mlruns</c>, <c>file:</c> tracking URIs), written byte for byte as MLflow's own
/// Python <c>FileStore</c> writes it, so <c>mlflow ui</c>, <c>mlflow server --backend-store-uri ./mlruns</c> and
/// the MLflow clients read our runs and we read theirs.
/// </summary>
/// <remarks>
/// MLflow 3.11 opens a file store only when the environment variable <c>MLFLOW_ALLOW_FILE_STORE=true</c> is set.
/// Whole files (meta.yaml, params, tags, artifacts) are replaced atomically and metric points appended as whole
/// lines, so a concurrent reader never sees half a write. I/O failures surface as transient
/// <see cref="TrackingStoreException"/>s.
/// </remarks>
public sealed partial class FileTrackingStore : ITrackingStore
{
    private const string InvalidParameterValue = "INVALID_PARAMETER_VALUE";
    private const string ResourceDoesNotExist = "RESOURCE_DOES_NOT_EXIST";
    private const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";
    private const string InternalError = "INTERNAL_ERROR";
    private const string RunNameTag = "mlflow.runName";

    private readonly FileStoreLayout _layout;
    private readonly string _artifactRootUri;
    private readonly ConcurrentDictionary<string, string> _runDirectories = new(StringComparer.Ordinal);

    /// <summary>Opens (and when missing creates, with its <c>Default</c> experiment) the file store at <paramref name="rootDirectory"/>.</summary>
    /// <param name="rootDirectory">The <c>mlruns</c> directory, as a path or a <c>file:</c> URI.</param>
    /// <exception cref="ArgumentException">The argument is empty or a non-local URI.</exception>
    /// <exception cref="TrackingStoreException">The directory cannot be created or read.</exception>
    public FileTrackingStore(string rootDirectory)
    {
        if (string.IsNullOrWhiteSpace(rootDirectory))
        {
            throw new ArgumentException("The file store needs a directory, e.g. './mlruns'.", nameof(rootDirectory));
        }

        var local = FileUri.ToPath(rootDirectory)
            ?? throw new ArgumentException($"'{rootDirectory}' is not a local directory or file: URI; the file store only writes to local disk.", nameof(rootDirectory));
        _layout = new FileStoreLayout(Path.GetFullPath(local));
        _artifactRootUri = FileUri.FromPath(_layout.Root);
        TrackingUri = _artifactRootUri;
        Guard("open the file store", () =>
        {
            // As MLflow: the Default experiment is created together with a new root, .trash whenever missing.
            if (!Directory.Exists(_layout.Root))
            {
                Directory.CreateDirectory(_layout.Root);
                WriteExperimentMeta(CreateExperimentMeta(FileStoreLayout.DefaultExperimentId, "Default", null));
            }

            Directory.CreateDirectory(_layout.Trash);
            return true;
        });
    }

    /// <inheritdoc />
    public string TrackingUri { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public Task<Experiment?> GetExperimentAsync(string experimentId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard("read an experiment", () =>
            _layout.ExperimentDirectory(experimentId) is { } directory ? ReadExperiment(directory) : null));
    }

    /// <inheritdoc />
    public Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard("find an experiment by name", () =>
            ReadExperiments(ViewType.All).FirstOrDefault(experiment => experiment.Name == name)));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Experiment>> SearchExperimentsAsync(ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Guard<IReadOnlyList<Experiment>>("search experiments", () => ReadExperiments(viewType)));
    }

    /// <inheritdoc />
    public Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ValidateExperimentName(name);
        foreach (var tag in tags ?? [])
        {
            ValidateKey(tag.Key, "key", "key");
            if ((tag.Value ?? string.Empty).Length > MlflowRules.MaxExperimentTagValueLength)
            {
                throw new TrackingStoreException(InvalidParameterValue, $"'value' exceeds the maximum length of {MlflowRules.MaxExperimentTagValueLength} characters");
            }
        }

        return Task.FromResult(Guard("create an experiment", () =>
        {
            if (ReadExperiments(ViewType.All).FirstOrDefault(experiment => experiment.Name == name) is { } existing)
            {
                throw new TrackingStoreException(ResourceAlreadyExists, existing.LifecycleStage == RunMeta.Deleted
                    ? $"Experiment '{name}' already exists in deleted state. You can restore the experiment, or permanently delete the experiment from the .trash folder (under tracking server's root folder) in order to use this experiment name again."
                    : $"Experiment '{name}' already exists.");
            }

            var experimentId = NewExperimentId();
            var meta = CreateExperimentMeta(experimentId, name, artifactLocation);
            WriteExperimentMeta(meta);
            var directory = Path.Combine(_layout.Root, experimentId);
            foreach (var tag in tags ?? [])
            {
                AtomicFile.WriteAllText(FileStoreLayout.KeyPath(Path.Combine(directory, FileStoreLayout.TagsFolder), tag.Key), tag.Value ?? string.Empty, directory);
            }

            return experimentId;
        }));
    }

    private ExperimentMeta CreateExperimentMeta(string experimentId, string name, string? artifactLocation)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var location = string.IsNullOrEmpty(artifactLocation)
            ? $"{_artifactRootUri}/{experimentId}"
            : ResolveIfLocal(artifactLocation);
        return new ExperimentMeta(experimentId, name, location, RunMeta.Active, now, now);
    }

    private void WriteExperimentMeta(ExperimentMeta meta)
    {
        var directory = Path.Combine(_layout.Root, meta.ExperimentId);
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllText(Path.Combine(directory, FileStoreLayout.MetaFile), meta.ToYaml(), directory);
    }

    // MLflow's resolve_uri_if_local: a scheme-less location is a local path, made absolute and written as a file: URI.
    private static string ResolveIfLocal(string location) =>
        location.Contains(':', StringComparison.Ordinal) && !(location.Length >= 2 && location[1] == ':' && OperatingSystem.IsWindows())
            ? location
            : FileUri.FromPath(Path.GetFullPath(location));

    // MLflow's _generate_unique_integer_id: 18 decimal digits of a random 128-bit number, never a leading zero.
    private string NewExperimentId()
    {
        while (true)
        {
            var id = (Random.Shared.NextInt64(100_000_000_000_000_000, 1_000_000_000_000_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_layout.ExperimentDirectory(id) is null && !Directory.Exists(Path.Combine(_layout.Root, id)))
            {
                return id;
            }
        }
    }

    private List<Experiment> ReadExperiments(ViewType viewType) =>
        _layout.ExperimentDirectories(viewType)
            .Select(ReadExperiment)
            .OrderByDescending(experiment => experiment.CreationTime ?? 0)
            .ThenBy(experiment => experiment.ExperimentId, StringComparer.Ordinal)
            .ToList();

    private static Experiment ReadExperiment(string directory)
    {
        var meta = ExperimentMeta.FromYaml(File.ReadAllText(Path.Combine(directory, FileStoreLayout.MetaFile)));
        var tags = FileStoreLayout.KeyFiles(Path.Combine(directory, FileStoreLayout.TagsFolder))
            .Select(file => new RunTag(file.Key, File.ReadAllText(file.Path)))
            .ToList();
        return meta.ToExperiment(tags);
    }

    private static void ValidateExperimentName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new TrackingStoreException(InvalidParameterValue, "Missing value for required parameter 'name'. Give the experiment a name.");
        }

        if (name.Length > MlflowRules.MaxExperimentNameLength)
        {
            throw new TrackingStoreException(InvalidParameterValue, $"'name' exceeds the maximum length of {MlflowRules.MaxExperimentNameLength} characters");
        }
    }

    // MLflow's key checks with its wording; `parameter` is the request field ('name' for metrics, 'key' otherwise).
    private static void ValidateKey(string? key, string parameter, string label)
    {
        if (MlflowRules.ValidateKey(key) is not { } reason)
        {
            return;
        }

        var message = reason.StartsWith("Names", StringComparison.Ordinal)
            ? $"Invalid value \"{key}\" for parameter '{parameter}' supplied: {reason}"
            : reason.StartsWith("Missing", StringComparison.Ordinal)
                ? $"Missing value for required parameter '{parameter}'."
                : $"'{label}' exceeds the maximum length of {MlflowRules.MaxKeyLength} characters";
        throw new TrackingStoreException(InvalidParameterValue, message);
    }

    private static T Guard<T>(string action, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (IOException e)
        {
            throw new TrackingStoreException(InternalError, $"The file store could not {action}: {e.Message} Trying again later may succeed.", isTransient: true, inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new TrackingStoreException(InternalError, $"The file store could not {action}: {e.Message} Give this process write access to the mlruns directory or choose another one.", inner: e);
        }
        catch (FormatException e)
        {
            throw new TrackingStoreException(InternalError, $"The file store could not {action}: a file is malformed ({e.Message}).", inner: e);
        }
    }

    private static void Guard(string action, Action operation) => Guard(action, () =>
    {
        operation();
        return true;
    });
}
