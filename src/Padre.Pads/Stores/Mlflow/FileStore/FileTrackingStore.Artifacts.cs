namespace Padre.Pads.Stores.Mlflow.FileStore;

// Artifacts: files under the run's artifact URI (by default <run>/artifacts).
public sealed partial class FileTrackingStore
{
    /// <inheritdoc />
    public async Task LogArtifactAsync(string runId, string artifactPath, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var segments = ArtifactSegments(artifactPath, allowRoot: false);
        var (runDirectory, root) = Guard("find a run's artifacts", () =>
        {
            var (directory, meta) = ActiveRun(runId);
            return (directory, ArtifactRoot(meta));
        });
        try
        {
            await AtomicFile.WriteStreamAsync(Path.Combine([root, .. segments]), content, runDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new TrackingStoreException(InternalError, $"The file store could not write artifact '{artifactPath}': {e.Message} Trying again later may succeed.", isTransient: true, inner: e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new TrackingStoreException(InternalError, $"The file store could not write artifact '{artifactPath}': {e.Message} Give this process write access to the artifact directory.", inner: e);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var segments = ArtifactSegments(path, allowRoot: true);
        return Task.FromResult(Guard<IReadOnlyList<ArtifactEntry>>("list artifacts", () =>
        {
            var (_, meta) = ExistingRun(runId);
            var directory = Path.Combine([ArtifactRoot(meta), .. segments]);
            if (!Directory.Exists(directory))
            {
                return [];
            }

            var prefix = segments.Length == 0 ? string.Empty : string.Join('/', segments) + "/";
            return new DirectoryInfo(directory).EnumerateFileSystemInfos()
                .OrderBy(entry => entry.Name, StringComparer.Ordinal)
                .Select(entry => entry is FileInfo file
                    ? new ArtifactEntry(prefix + file.Name, IsDirectory: false, file.Length)
                    : new ArtifactEntry(prefix + entry.Name, IsDirectory: true, FileSize: null))
                .ToList();
        }));
    }

    /// <inheritdoc />
    public Task<Stream> OpenArtifactAsync(string runId, string artifactPath, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var segments = ArtifactSegments(artifactPath, allowRoot: false);
        return Task.FromResult(Guard<Stream>("open an artifact", () =>
        {
            var (_, meta) = ExistingRun(runId);
            var file = Path.Combine([ArtifactRoot(meta), .. segments]);
            if (!File.Exists(file))
            {
                throw new TrackingStoreException(ResourceDoesNotExist, $"Artifact '{artifactPath}' of run '{runId}' does not exist.");
            }

            return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
        }));
    }

    private static string ArtifactRoot(RunMeta meta) =>
        FileUri.ToPath(meta.ArtifactUri) ?? throw new TrackingStoreException(InvalidParameterValue,
            $"Run '{meta.RunId}' keeps its artifacts at '{meta.ArtifactUri}', which is not local; the file store only reads and writes file: artifact locations.");

    private static string[] ArtifactSegments(string? artifactPath, bool allowRoot)
    {
        if (string.IsNullOrEmpty(artifactPath))
        {
            return allowRoot ? [] : throw new TrackingStoreException(InvalidParameterValue, "Missing value for required parameter 'path': name the artifact file, e.g. 'model/model.zip'.");
        }

        var segments = artifactPath.Split('/');
        if (artifactPath.StartsWith('/') || artifactPath.Contains('\\', StringComparison.Ordinal) ||
            segments.Any(segment => segment.Length == 0 || segment is "." or ".." || segment.Contains(':', StringComparison.Ordinal)))
        {
            throw new TrackingStoreException(InvalidParameterValue, $"Invalid path '{artifactPath}': artifact paths are relative, '/'-separated and contain no '.', '..' or empty parts.");
        }

        return segments;
    }
}
