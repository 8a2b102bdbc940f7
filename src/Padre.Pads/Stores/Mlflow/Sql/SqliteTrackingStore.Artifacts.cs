namespace Padre.Pads.Stores.Mlflow.Sql;

public sealed partial class SqliteTrackingStore
{
    /// <inheritdoc />
    public async Task LogArtifactAsync(string runId, string artifactPath, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = ArtifactFile(RunArtifactDirectory(runId), artifactPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside the target and moved in place, so a reader never sees half a file.
        var partial = target + "." + Guid.NewGuid().ToString("N") + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var root = RunArtifactDirectory(runId);
        var relative = string.IsNullOrEmpty(path) ? string.Empty : CheckRelative(path).TrimEnd('/');
        var directory = relative.Length == 0 ? root : ArtifactFile(root, relative);
        if (!Directory.Exists(directory))
        {
            return Task.FromResult<IReadOnlyList<ArtifactEntry>>([]);
        }

        var prefix = relative.Length == 0 ? string.Empty : relative + "/";
        IReadOnlyList<ArtifactEntry> entries = new DirectoryInfo(directory).EnumerateFileSystemInfos()
            .Where(entry => !entry.Name.EndsWith(".partial", StringComparison.Ordinal))
            .OrderBy(entry => entry.Name, StringComparer.Ordinal)
            .Select(entry => entry is FileInfo file
                ? new ArtifactEntry(prefix + file.Name, false, file.Length)
                : new ArtifactEntry(prefix + entry.Name, true, null))
            .ToList();
        return Task.FromResult(entries);
    }

    /// <inheritdoc />
    public Task<Stream> OpenArtifactAsync(string runId, string artifactPath, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var file = ArtifactFile(RunArtifactDirectory(runId), artifactPath);
        if (!File.Exists(file))
        {
            throw new TrackingStoreException("RESOURCE_DOES_NOT_EXIST", $"Artifact '{artifactPath}' of run {runId} does not exist (looked for '{file}').");
        }

        return Task.FromResult<Stream>(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true));
    }

    private string RunArtifactDirectory(string runId)
    {
        var uri = Execute(connection => Scalar(connection, null, "SELECT artifact_uri FROM runs WHERE run_uuid = $run", ("$run", runId)) as string)
            ?? throw RunNotFound(runId);
        return ArtifactLocation.ToLocalPath(uri)
            ?? throw new TrackingStoreException(
                "INVALID_PARAMETER_VALUE",
                $"Run {runId} keeps its artifacts at '{uri}', which is not a local path; the SQLite store reads and writes local artifacts only. "
                + "Log to the tracking server that owns that location instead.");
    }

    private static string ArtifactFile(string root, string artifactPath) =>
        Path.Combine(root, CheckRelative(artifactPath).Replace('/', Path.DirectorySeparatorChar));

    private static string CheckRelative(string artifactPath)
    {
        var segments = artifactPath.Split('/');
        if (artifactPath.Length == 0 || artifactPath.StartsWith('/') || artifactPath.Contains('\\') || Path.IsPathRooted(artifactPath)
            || segments.Any(segment => segment is ".." or "."))
        {
            throw new TrackingStoreException("INVALID_PARAMETER_VALUE", $"Invalid artifact path '{artifactPath}': use a relative, '/'-separated path without '.' or '..' segments.");
        }

        return artifactPath;
    }
}
