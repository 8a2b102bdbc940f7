using System.Text.RegularExpressions;

namespace Padre.Pads.Stores.Mlflow.FileStore;

/// <summary>
/// Where things live in an <c>mlruns</c> tree, and how MLflow's file store finds them: experiments are
/// directories of the root (deleted ones under <c>.trash/</c>), runs are directories of their experiment.
/// </summary>
internal sealed partial class FileStoreLayout(string root)
{
    public const string TrashFolder = ".trash";
    public const string MetaFile = "meta.yaml";
    public const string MetricsFolder = "metrics";
    public const string ParamsFolder = "params";
    public const string TagsFolder = "tags";
    public const string ArtifactsFolder = "artifacts";
    public const string DatasetsFolder = "datasets";
    public const string InputsFolder = "inputs";
    public const string DefaultExperimentId = "0";

    // Folders of an experiment directory that are not runs (FileStore.RESERVED_EXPERIMENT_FOLDERS).
    private static readonly HashSet<string> ReservedExperimentFolders = new(StringComparer.Ordinal) { "tags", "datasets", "traces", "models" };

    public string Root { get; } = root;

    public string Trash => Path.Combine(Root, TrashFolder);

    [GeneratedRegex(@"^[a-zA-Z0-9][\w\-]{0,255}$")]
    private static partial Regex RunIdPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9][\w\-]{0,63}$")]
    private static partial Regex ExperimentIdPattern();

    /// <summary>True for ids MLflow accepts as run ids (so they are safe directory names).</summary>
    public static bool IsValidRunId(string runId) => RunIdPattern().IsMatch(runId);

    /// <summary>True for ids that can name an experiment directory.</summary>
    public static bool IsValidExperimentId(string experimentId) => ExperimentIdPattern().IsMatch(experimentId);

    /// <summary>The directory of an active or deleted experiment, or null.</summary>
    public string? ExperimentDirectory(string experimentId)
    {
        if (!IsValidExperimentId(experimentId))
        {
            return null;
        }

        var active = Path.Combine(Root, experimentId);
        if (File.Exists(Path.Combine(active, MetaFile)))
        {
            return active;
        }

        var deleted = Path.Combine(Trash, experimentId);
        return File.Exists(Path.Combine(deleted, MetaFile)) ? deleted : null;
    }

    /// <summary>Experiment directories in the view, active ones first.</summary>
    public IEnumerable<string> ExperimentDirectories(ViewType viewType)
    {
        if (viewType is ViewType.ActiveOnly or ViewType.All)
        {
            foreach (var directory in SubDirectories(Root))
            {
                var name = Path.GetFileName(directory);
                if (name != TrashFolder && name != "models" && File.Exists(Path.Combine(directory, MetaFile)))
                {
                    yield return directory;
                }
            }
        }

        if (viewType is ViewType.DeletedOnly or ViewType.All)
        {
            foreach (var directory in SubDirectories(Trash))
            {
                if (File.Exists(Path.Combine(directory, MetaFile)))
                {
                    yield return directory;
                }
            }
        }
    }

    /// <summary>The run directories of an experiment directory (reserved folders skipped).</summary>
    public static IEnumerable<string> RunDirectories(string experimentDirectory) =>
        SubDirectories(experimentDirectory).Where(directory =>
            !ReservedExperimentFolders.Contains(Path.GetFileName(directory)) && IsRunDirectory(directory));

    /// <summary>Finds a run's directory among all experiments, as MLflow's <c>_find_run_root</c> does.</summary>
    public string? FindRunDirectory(string runId)
    {
        if (!IsValidRunId(runId))
        {
            return null;
        }

        foreach (var experiment in ExperimentDirectories(ViewType.All))
        {
            var candidate = Path.Combine(experiment, runId);
            if (IsRunDirectory(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    // MLflow only accepts a run directory holding meta.yaml, metrics/, params/ and artifacts/ (ZDI-CAN-26649).
    public static bool IsRunDirectory(string directory) =>
        File.Exists(Path.Combine(directory, MetaFile)) &&
        Directory.Exists(Path.Combine(directory, MetricsFolder)) &&
        Directory.Exists(Path.Combine(directory, ParamsFolder)) &&
        Directory.Exists(Path.Combine(directory, ArtifactsFolder));

    /// <summary>The file of a '/'-separated key under a folder (keys with '/' become subdirectories).</summary>
    public static string KeyPath(string folder, string key) =>
        Path.Combine([folder, .. key.Split('/')]);

    /// <summary>Every file under <paramref name="folder"/> as a '/'-separated key, sorted.</summary>
    public static IEnumerable<(string Key, string Path)> KeyFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(file => !Path.GetFileName(file).StartsWith(".padre-", StringComparison.Ordinal))
            .Select(file => (Key: Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'), Path: file))
            .OrderBy(entry => entry.Key, StringComparer.Ordinal);
    }

    private static IEnumerable<string> SubDirectories(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal) : [];
}
