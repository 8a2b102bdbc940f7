namespace Padre.Pads.Configuration;

/// <summary>Which kind of store a tracking URI names.</summary>
public enum TrackingStoreKind
{
    /// <summary>MLflow's SQLite schema in a local database file (<c>sqlite:///mlflow.db</c>).</summary>
    Sqlite,
    /// <summary>MLflow's file store (<c>./mlruns</c>, <c>file:</c> URIs, plain paths).</summary>
    FileStore,
    /// <summary>An MLflow tracking server (<c>http://</c>, <c>https://</c>).</summary>
    Server,
}

/// <summary>
/// A parsed MLflow tracking URI, by MLflow 3's rules: unset means <c>sqlite:///mlflow.db</c> in the working
/// directory unless <c>./mlruns</c> already holds file-store data; <c>sqlite:///rel</c> is relative to the working
/// directory and <c>sqlite:////abs</c> absolute; <c>file:</c> URIs and plain paths mean the file store;
/// <c>http(s)://</c> means a tracking server.
/// </summary>
public sealed record TrackingUri
{
    private TrackingUri(TrackingStoreKind kind, string location, string display)
    {
        Kind = kind;
        Location = location;
        Display = display;
    }

    /// <summary>The kind of store.</summary>
    public TrackingStoreKind Kind { get; }

    /// <summary>
    /// The absolute database file (<see cref="TrackingStoreKind.Sqlite"/>), the absolute root directory
    /// (<see cref="TrackingStoreKind.FileStore"/>) or the server's base URI with any user info removed
    /// (<see cref="TrackingStoreKind.Server"/>).
    /// </summary>
    public string Location { get; }

    private string Display { get; }

    /// <summary>The URI as it can be shown: never with credentials.</summary>
    public override string ToString() => Display;

    /// <summary>
    /// Parses <paramref name="value"/> (null or empty: MLflow's default) relative to <paramref name="workingDirectory"/>
    /// (null: the current directory). Throws <see cref="ArgumentException"/> naming the problem for an unsupported scheme.
    /// </summary>
    public static TrackingUri Parse(string? value, string? workingDirectory = null)
    {
        var cwd = Path.GetFullPath(workingDirectory ?? Environment.CurrentDirectory);
        if (string.IsNullOrWhiteSpace(value))
        {
            var mlruns = Path.Combine(cwd, "mlruns");
            return HoldsFileStoreData(mlruns) ? FileStore(mlruns) : Sqlite(Path.Combine(cwd, "mlflow.db"), "sqlite:///mlflow.db");
        }

        value = value.Trim();
        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            // sqlite:///relative/path.db and sqlite:////absolute/path.db, as SQLAlchemy reads them.
            var rest = value["sqlite:".Length..];
            if (!rest.StartsWith("///", StringComparison.Ordinal))
            {
                throw new ArgumentException($"The tracking URI '{value}' is not a SQLite URI MLflow accepts; use sqlite:///relative/path.db or sqlite:////absolute/path.db.", nameof(value));
            }

            var path = rest[3..];
            if (path.Length == 0 || path == ":memory:")
            {
                throw new ArgumentException($"The tracking URI '{value}' names no database file; use sqlite:///mlflow.db.", nameof(value));
            }

            var full = Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(cwd, path));
            return Sqlite(full, value);
        }

        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            {
                throw new ArgumentException($"The tracking URI '{RedactUserInfo(value)}' is not a valid URL; expected e.g. http://127.0.0.1:5000.", nameof(value));
            }

            var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
            var clean = builder.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            return new TrackingUri(TrackingStoreKind.Server, clean, clean);
        }

        if (value.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = value["file:".Length..];
            string path;
            if (rest.StartsWith("//", StringComparison.Ordinal))
            {
                // file:///abs/path (empty authority) or file://localhost/abs/path.
                var afterAuthority = rest[2..];
                var slash = afterAuthority.IndexOf('/', StringComparison.Ordinal);
                path = slash < 0 ? "/" : afterAuthority[slash..];
            }
            else
            {
                path = rest;
            }

            path = Uri.UnescapeDataString(path);
            var full = Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.GetFullPath(Path.Combine(cwd, path));
            return FileStore(full);
        }

        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 1)
        {
            throw new ArgumentException(
                $"The tracking URI '{RedactUserInfo(value)}' has the scheme '{value[..scheme]}', which is not supported; use sqlite:///mlflow.db, a directory path or file:///path (file store), or http(s)://host:port (tracking server).",
                nameof(value));
        }

        return FileStore(Path.IsPathRooted(value) ? Path.GetFullPath(value) : Path.GetFullPath(Path.Combine(cwd, value)));
    }

    private static TrackingUri Sqlite(string databasePath, string display) => new(TrackingStoreKind.Sqlite, databasePath, display);

    private static TrackingUri FileStore(string root) => new(TrackingStoreKind.FileStore, root, new Uri(root).AbsoluteUri);

    // MLflow picks the file store when ./mlruns already has experiments in it (a directory with meta.yaml).
    private static bool HoldsFileStoreData(string mlruns)
    {
        try
        {
            return Directory.Exists(mlruns)
                && Directory.EnumerateDirectories(mlruns).Any(d => File.Exists(Path.Combine(d, "meta.yaml")));
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static string RedactUserInfo(string value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var slash = scheme < 0 ? -1 : value.IndexOf('/', scheme + 3);
        return scheme >= 0 && at > scheme && (slash < 0 || at < slash) ? value[..(scheme + 3)] + "***@" + value[(at + 1)..] : value;
    }
}
