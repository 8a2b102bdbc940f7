namespace Padre.Pads.Stores.Mlflow.Rest;

/// <summary>
/// Where a run's artifacts live on the server's artifact proxy: <c>mlflow-artifacts:/1/&lt;run&gt;/artifacts</c>
/// (or <c>mlflow-artifacts://host:port/...</c>) maps to <c>/api/2.0/mlflow-artifacts/artifacts/1/&lt;run&gt;/artifacts</c>.
/// </summary>
internal static class ArtifactLocation
{
    private const string Scheme = "mlflow-artifacts:";

    /// <summary>The proxy path of the artifact root, without leading or trailing '/'.</summary>
    public static string ProxyRoot(string runId, string artifactUri)
    {
        if (!artifactUri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new TrackingStoreException("INVALID_PARAMETER_VALUE",
                $"Run {runId} stores its artifacts at '{artifactUri}', which the tracking server does not proxy. " +
                "RestTrackingStore writes artifacts only through the server's artifact proxy: start the server with --serve-artifacts " +
                "(the default) and create the experiment without an explicit artifact_location, or write to that location directly.");
        }

        var rest = artifactUri[Scheme.Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            // mlflow-artifacts://host:port/path: the authority names the server we already talk to.
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? string.Empty : rest[slash..];
        }

        return rest.Trim('/');
    }

    /// <summary>Checks an artifact path is relative, '/'-separated and stays inside the run's artifacts.</summary>
    public static string Relative(string? artifactPath, bool allowEmpty)
    {
        var path = artifactPath ?? string.Empty;
        if (path.Length == 0 && allowEmpty)
        {
            return path;
        }

        if (path.Length == 0 || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal)
            || path.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new TrackingStoreException("INVALID_PARAMETER_VALUE",
                $"Invalid artifact path '{path}': use a relative path with '/' separators and no empty, '.' or '..' segments, e.g. 'plots/loss.png'.");
        }

        return path;
    }

    public static string Combine(string root, string relative) =>
        relative.Length == 0 ? root : root.Length == 0 ? relative : $"{root}/{relative}";
}
