using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Records which code ran, with or without git: the entry assembly's name, version and MVID, a hash of its bytes,
/// and a snapshot of the project's sources (<c>*.cs</c>, <c>*.csproj</c>, <c>*.padre.yml</c>) under <c>source/</c>.
/// </summary>
internal sealed class SourceLogger(RunLoggerContext context) : IRunLogger
{
    internal const int MaxFiles = 300;
    internal const int MaxFileBytes = 256 * 1024;
    internal const int MaxTotalBytes = 2 * 1024 * 1024;

    private static readonly string[] Patterns = ["*.cs", "*.csproj", "*.padre.yml"];
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", ".idea", "node_modules", "mlruns", "TestResults" };

    public string Name => "source";

    public void OnRunStarted(IRunWriter run)
    {
        var unavailable = new Unavailable(Name);
        RecordAssembly(run, unavailable);
        RecordSnapshot(run, unavailable);
        unavailable.WriteTo(run);
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
    }

    private void RecordAssembly(IRunWriter run, Unavailable unavailable)
    {
        var assembly = context.EntryAssembly;
        if (assembly is null)
        {
            unavailable.Add("assembly", "the process has no managed entry assembly");
            return;
        }
        var name = assembly.GetName();
        run.SetTag("padre.source.assembly", name.Name);
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? name.Version?.ToString();
        if (version is not null)
            run.SetTag("padre.source.assembly_version", version);
        string? mvid = null;
        try
        {
            mvid = assembly.ManifestModule.ModuleVersionId.ToString();
            run.SetTag("padre.source.mvid", mvid);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            unavailable.Add("mvid", e.Message);
        }
        // The bytes tell two builds apart even when the MVID is deterministic for identical sources (which is what we want).
        var file = Path.Combine(context.BaseDirectory, name.Name + ".dll");
        try
        {
            using var stream = File.OpenRead(file);
            run.SetTag("padre.source.code_hash", "sha256:" + Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (mvid is not null)
                run.SetTag("padre.source.code_hash", "mvid:" + mvid);
            else
                unavailable.Add("code_hash", $"{file} could not be read ({e.Message})");
        }
    }

    private void RecordSnapshot(IRunWriter run, Unavailable unavailable)
    {
        var project = FindProjectDirectory();
        if (project is null)
        {
            unavailable.Add("snapshot", $"no *.csproj found in {context.WorkingDirectory} or above {context.BaseDirectory}");
            return;
        }
        run.SetTag("padre.source.project_directory", project);
        var files = new List<string>();
        Collect(project, files);
        files = files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        var written = 0;
        var skipped = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(project, file).Replace('\\', '/');
            string text;
            try
            {
                var length = new FileInfo(file).Length;
                if (written >= MaxFiles || length > MaxFileBytes || total + length > MaxTotalBytes)
                {
                    skipped.Add(relative);
                    continue;
                }
                text = File.ReadAllText(file);
                total += length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unavailable.Add("source/" + relative, e.Message);
                continue;
            }
            hash.AppendData(Encoding.UTF8.GetBytes(relative + "\n" + text + "\n"));
            run.LogText(text, "source/" + relative);
            written++;
        }
        run.SetTag("padre.source.files", written.ToString(CultureInfo.InvariantCulture));
        if (written > 0)
            run.SetTag("padre.source.snapshot_hash", "sha256:" + Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
        if (skipped.Count > 0)
            unavailable.Add("snapshot", $"{skipped.Count} files left out to stay within {MaxFiles} files, {MaxFileBytes / 1024} KB per file and {MaxTotalBytes / (1024 * 1024)} MB in all (first: {skipped[0]})");
    }

    // The working directory when it is a project (dotnet run), else the project above bin/<config>/<tfm>/.
    private string? FindProjectDirectory()
    {
        if (HasProjectFile(context.WorkingDirectory))
            return context.WorkingDirectory;
        var directory = new DirectoryInfo(context.BaseDirectory);
        for (var level = 0; directory is not null && level < 6; level++, directory = directory.Parent)
            if (HasProjectFile(directory.FullName))
                return directory.FullName;
        return null;
    }

    private static bool HasProjectFile(string directory)
    {
        try
        {
            return Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.csproj").Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Collect(string directory, List<string> files)
    {
        if (files.Count > MaxFiles * 4) // enough to report what was left out; a huge tree is not walked to the end
            return;
        try
        {
            foreach (var pattern in Patterns)
                files.AddRange(Directory.EnumerateFiles(directory, pattern));
            foreach (var child in Directory.EnumerateDirectories(directory))
            {
                var name = Path.GetFileName(child);
                if (!SkippedDirectories.Contains(name) && !name.StartsWith('.') && !new DirectoryInfo(child).Attributes.HasFlag(FileAttributes.ReparsePoint))
                    Collect(child, files);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable folder is left out of the snapshot; the files found elsewhere are still worth keeping.
        }
    }
}
