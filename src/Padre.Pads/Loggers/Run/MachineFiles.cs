namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Reads the operating system's own files (procfs, sysfs, /etc) under a root that tests can replace,
/// so a logger's behaviour with missing or odd files is checkable without a different machine.
/// </summary>
internal sealed class MachineFiles(string root)
{
    /// <summary>The real machine: paths are read as they are.</summary>
    public static MachineFiles Real { get; } = new("/");

    public string Root { get; } = root;

    /// <summary>The full path of <paramref name="absolutePath"/> (e.g. <c>/proc/meminfo</c>) under <see cref="Root"/>.</summary>
    public string PathOf(string absolutePath) =>
        Root == "/" ? absolutePath : System.IO.Path.Combine(Root, absolutePath.TrimStart('/'));

    /// <summary>The file's text, or null with <paramref name="why"/> saying why it could not be read.</summary>
    public string? ReadText(string absolutePath, out string why)
    {
        var path = PathOf(absolutePath);
        try
        {
            why = "";
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            why = $"{absolutePath} could not be read ({Describe(e)})";
            return null;
        }
    }

    public bool Exists(string absolutePath) => File.Exists(PathOf(absolutePath)) || Directory.Exists(PathOf(absolutePath));

    public IEnumerable<string> Directories(string absolutePath)
    {
        var path = PathOf(absolutePath);
        return Directory.Exists(path) ? Directory.EnumerateDirectories(path) : [];
    }

    private static string Describe(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "missing",
        UnauthorizedAccessException => "access denied",
        _ => e.Message,
    };
}
