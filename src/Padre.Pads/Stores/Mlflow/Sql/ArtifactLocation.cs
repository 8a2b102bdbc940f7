using System.Text.RegularExpressions;

namespace Padre.Pads.Stores.Mlflow.Sql;

/// <summary>
/// Artifact locations as MLflow's SQL store writes them: a local root is made absolute against the working
/// directory (<c>./mlruns</c> becomes <c>/abs/mlruns</c>, no scheme, as <c>resolve_uri_if_local</c> does),
/// experiments get <c>&lt;root&gt;/&lt;id&gt;</c>, runs <c>&lt;experiment location&gt;/&lt;run id&gt;/artifacts</c>.
/// </summary>
internal static partial class ArtifactLocation
{
    // A scheme needs two or more characters, so a Windows drive letter ("C:") is a path, not a URI.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]+:")]
    private static partial Regex Scheme();

    /// <summary>MLflow's <c>resolve_uri_if_local</c>: relative local paths and <c>file:</c> URIs become absolute.</summary>
    public static string Resolve(string root)
    {
        if (!Scheme().IsMatch(root))
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
            return OperatingSystem.IsWindows() ? "file:///" + full.Replace('\\', '/') : full;
        }

        if (root.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = root["file:".Length..];
            if (!path.StartsWith('/'))
            {
                var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)).Replace('\\', '/');
                return "file://" + (full.StartsWith('/') ? full : "/" + full);
            }
        }

        return root;
    }

    /// <summary>MLflow's <c>append_to_uri_path</c> for the simple segments we append (ids, "artifacts").</summary>
    public static string Append(string location, params string[] segments) =>
        location.TrimEnd('/') + "/" + string.Join('/', segments);

    /// <summary>The local directory of a location, or null when it is not on this machine (s3:, mlflow-artifacts:, ...).</summary>
    public static string? ToLocalPath(string location)
    {
        if (!Scheme().IsMatch(location))
        {
            return location;
        }

        return location.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(location, UriKind.Absolute, out var uri)
            ? uri.LocalPath
            : null;
    }
}
