using System.Text;

namespace Padre.Pads.Stores.Mlflow.FileStore;

/// <summary>
/// Converts between local paths and <c>file:</c> URIs as Python's <c>pathlib.Path.as_uri()</c> and MLflow's
/// <c>local_file_uri_to_path</c> do, so the URIs in <c>meta.yaml</c> are the ones MLflow would write.
/// </summary>
internal static class FileUri
{
    /// <summary><c>file:///abs/path</c> for an absolute path, percent-encoding as Python's <c>urllib.parse.quote</c> does.</summary>
    public static string FromPath(string absolutePath)
    {
        var path = absolutePath.Replace('\\', '/');
        var builder = new StringBuilder("file://");
        if (!path.StartsWith('/'))
        {
            // Windows drive path: pathlib writes file:///C:/dir.
            builder.Append('/');
            if (path.Length >= 2 && path[1] == ':')
            {
                builder.Append(path, 0, 2);
                path = path[2..];
            }
        }

        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'_' or (byte)'.' or (byte)'-' or (byte)'~' or (byte)'/')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The local path of a <c>file:</c> URI, or the input itself when it is a plain path; null for other schemes.</summary>
    public static string? ToPath(string uriOrPath)
    {
        if (!uriOrPath.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return uriOrPath.Contains("://", StringComparison.Ordinal) ? null : uriOrPath;
        }

        var rest = uriOrPath["file:".Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            // file://host/path: only an empty or localhost authority is a local path.
            var slash = rest.IndexOf('/', 2);
            var authority = slash < 0 ? rest[2..] : rest[2..slash];
            if (authority.Length > 0 && !authority.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            rest = slash < 0 ? "/" : rest[slash..];
        }

        var path = Uri.UnescapeDataString(rest);
        if (OperatingSystem.IsWindows() && path.Length >= 3 && path[0] == '/' && path[2] == ':')
        {
            path = path[1..];
        }

        return path;
    }
}
