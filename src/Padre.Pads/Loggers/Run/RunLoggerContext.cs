using System.Collections;
using System.Reflection;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Where the run loggers read the machine and the program from. The real process in production; tests replace
/// parts (a fake procfs root, an empty PATH, a temporary repository as working directory).
/// </summary>
internal sealed record RunLoggerContext
{
    public required MachineFiles Files { get; init; }

    /// <summary>The user's working directory: where git, the disk and the source snapshot are looked for first.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The application's directory (bin/...): the second place to look for a repository or project.</summary>
    public required string BaseDirectory { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    public required Assembly? EntryAssembly { get; init; }

    /// <summary>The running app's <c>*.deps.json</c> files (the host's list; empty when published as a single file).</summary>
    public required IReadOnlyList<string> DepsFiles { get; init; }

    /// <summary>The longest an external tool (git, nvidia-smi) may run.</summary>
    public TimeSpan ToolTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public string? Env(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    /// <summary>The full path of an external tool on this context's PATH, or null when it is not installed.</summary>
    public string? FindTool(string name) => ExternalCommand.Find(name, Env("PATH") ?? Env("Path"));

    /// <summary>The context of the running process.</summary>
    public static RunLoggerContext ForThisProcess()
    {
        var environment = new Dictionary<string, string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
            if (entry.Key is string key && entry.Value is string value)
                environment[key] = value;
        var deps = AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string;
        return new RunLoggerContext
        {
            Files = MachineFiles.Real,
            WorkingDirectory = System.Environment.CurrentDirectory,
            BaseDirectory = AppContext.BaseDirectory,
            Environment = environment,
            EntryAssembly = Assembly.GetEntryAssembly(),
            // The host joins them with ';' on every platform.
            DepsFiles = string.IsNullOrEmpty(deps) ? [] : deps.Split(';', StringSplitOptions.RemoveEmptyEntries),
        };
    }
}
