using Padre.Pads.Loggers.Run;

namespace Padre.Pads.Loggers;

/// <summary>
/// The run loggers Padre.Pads attaches to every top-level run, each switchable by its <see cref="IRunLogger.Name"/>:
/// <list type="table">
/// <item><term><c>git</c></term><description>commit, branch, remote (credentials stripped) into <c>mlflow.source.git.*</c>; dirty flag; <c>git/diff.patch</c>.</description></item>
/// <item><term><c>os</c></term><description>platform, distribution, version, kernel, architecture, container.</description></item>
/// <item><term><c>host</c></term><description>host name, IP and MAC addresses. On by default; switch it off where these identify a person or must not leave the machine.</description></item>
/// <item><term><c>process</c></term><description>pid, executable, command line (secrets removed), working directory, user.</description></item>
/// <item><term><c>cpu</c></term><description>model, physical/logical/available cores, frequency.</description></item>
/// <item><term><c>memory</c></term><description>total and available RAM, swap, the .NET memory limit.</description></item>
/// <item><term><c>disk</c></term><description>total and free space of the working directory's volume.</description></item>
/// <item><term><c>gpu</c></term><description>visible GPUs (nvidia-smi or the NVIDIA driver), else "none visible".</description></item>
/// <item><term><c>dotnet</c></term><description>runtime version, target framework, RID, GC mode, JIT or AOT.</description></item>
/// <item><term><c>packages</c></term><description>every package of the app's deps.json as <c>environment/packages.json</c>; key ones as tags.</description></item>
/// <item><term><c>source</c></term><description>entry assembly name, version, MVID, code hash; a snapshot of the project's sources under <c>source/</c>.</description></item>
/// <item><term><c>console</c></term><description>stdout and stderr copied into <c>console/stdout.txt</c> and <c>console/stderr.txt</c>; the first run also holds what was printed before it, from tracker initialisation.</description></item>
/// <item><term><c>resources</c></term><description>at the end: wall time, CPU time, peak working set, GC counts (metrics <c>resources/*</c>), run status.</description></item>
/// <item><term><c>system-metrics</c></term><description>MLflow's <c>system/*</c> metrics sampled on a timer (<c>MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL</c>).</description></item>
/// </list>
/// </summary>
/// <remarks>
/// Every value these loggers write passes through one secret redactor first (tokens, passwords and keys from the
/// environment and the command line, credentials in URLs). A value a logger cannot read becomes a
/// <c>padre.logger.&lt;name&gt;.unavailable</c> tag saying what and why; an exception becomes
/// <c>padre.logger.&lt;name&gt;.error</c>; neither ends the run.
/// </remarks>
public static class DefaultRunLoggers
{
    /// <summary>The variable that lists loggers to switch off, comma-separated (<c>git,console</c>), or <c>all</c>.</summary>
    public const string DisabledVariable = "PADRE_LOGGERS_DISABLED";

    /// <summary>Every default logger's name, in the order they run (console first: a run's output is captured from its start).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["console", "git", "os", "host", "process", "cpu", "memory", "disk", "gpu", "dotnet", "packages", "source", "resources", "system-metrics"];

    /// <summary>
    /// The default run loggers for this process, without those named in <paramref name="disabled"/>
    /// (names compared case-insensitively; <c>all</c> switches every one off; unknown names are ignored:
    /// use <see cref="UnknownNames"/> to warn about them).
    /// </summary>
    /// <remarks>
    /// <c>MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING=false</c> also switches <c>system-metrics</c> off, as it does in MLflow.
    /// </remarks>
    public static IReadOnlyList<IRunLogger> Create(IEnumerable<string>? disabled = null) => Create(disabled, processConsole: null);

    /// <summary>
    /// As <see cref="Create(IEnumerable{string}?)"/>; with <paramref name="processConsole"/> (the tracker's), the console
    /// logger captures from now, so the first run also gets what was printed before it, and the tap is stopped when the
    /// console logger is off. Without it, each run's capture starts with the run.
    /// </summary>
    internal static IReadOnlyList<IRunLogger> Create(IEnumerable<string>? disabled, ConsoleTap? processConsole)
    {
        var off = SwitchedOff(disabled, Environment.GetEnvironmentVariable("MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING"));
        if (off.Contains("console"))
            processConsole?.Stop();
        else
            processConsole?.CaptureFromNow();
        var console = processConsole ?? new ConsoleTap();
        var shared = new Lazy<(RunLoggerContext, SecretRedactor, IReadOnlyList<string>)>(() =>
        {
            var context = RunLoggerContext.ForThisProcess();
            return (context, new SecretRedactor(context.Environment), Environment.GetCommandLineArgs());
        });
        var redactor = new Lazy<SecretRedactor>(() => shared.Value.Item2);
        return Names.Where(name => !off.Contains(name))
            .Select(name => (IRunLogger)new DeferredRunLogger(name, new Lazy<IRunLogger>(() => new GuardedRunLogger(Build(name, shared, console), redactor)))
            { StartsWithRun = name is "console" or "resources" })
            .ToList();
    }

    /// <summary>
    /// Whether the environment leaves the console logger on (tracking enabled, <c>console</c> not switched off): the
    /// generated module initializer asks before it starts capturing, long before the tracking session exists.
    /// </summary>
    internal static bool ConsoleWanted(Configuration.TrackingOptions options) =>
        ConsoleWanted(options.Disabled, options.DisabledLoggers);

    /// <summary>As <see cref="ConsoleWanted(Configuration.TrackingOptions)"/>, from the two switches alone.</summary>
    internal static bool ConsoleWanted(bool disabled, IEnumerable<string> disabledLoggers) =>
        !disabled && !SwitchedOff(disabledLoggers, null).Contains("console");

    /// <summary>Parses a <see cref="DisabledVariable"/> value: <c>"git, console"</c> → <c>["git", "console"]</c>.</summary>
    public static IReadOnlyList<string> ParseDisabled(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The names in <paramref name="disabled"/> that name no logger (typos worth a warning).</summary>
    public static IReadOnlyList<string> UnknownNames(IEnumerable<string> disabled) =>
        disabled.Where(name => !string.Equals(name, "all", StringComparison.OrdinalIgnoreCase) && !Names.Contains(name, StringComparer.OrdinalIgnoreCase)).ToList();

    internal static IReadOnlyList<IRunLogger> Create(RunLoggerContext context, IReadOnlyList<string> commandLine, IEnumerable<string>? disabled)
    {
        var off = SwitchedOff(disabled, context.Env("MLFLOW_ENABLE_SYSTEM_METRICS_LOGGING"));
        var redactor = new SecretRedactor(context.Environment);
        var shared = new Lazy<(RunLoggerContext, SecretRedactor, IReadOnlyList<string>)>((context, redactor, commandLine));
        return Names.Where(name => !off.Contains(name))
            .Select(name => (IRunLogger)new GuardedRunLogger(Build(name, shared, console: null), redactor))
            .ToList();
    }

    private static HashSet<string> SwitchedOff(IEnumerable<string>? disabled, string? mlflowSystemMetrics)
    {
        var off = new HashSet<string>(disabled ?? [], StringComparer.OrdinalIgnoreCase);
        if (off.Contains("all"))
            off.UnionWith(Names);
        if (string.Equals(mlflowSystemMetrics?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
            off.Add("system-metrics");
        return off;
    }

    // The process context, redactor and command line are made only for a logger that reads them: console and resources
    // (the two that start with the run, while the program trains) do not, so their start reads nothing of the process.
    private static IRunLogger Build(string name, Lazy<(RunLoggerContext Context, SecretRedactor Redactor, IReadOnlyList<string> CommandLine)> shared, ConsoleTap? console) => name switch
    {
        "git" => new GitLogger(shared.Value.Context),
        "os" => new OsLogger(shared.Value.Context),
        "host" => new HostLogger(),
        "process" => new ProcessLogger(shared.Value.Context, shared.Value.Redactor, shared.Value.CommandLine),
        "cpu" => new CpuLogger(shared.Value.Context),
        "memory" => new MemoryLogger(shared.Value.Context),
        "disk" => new DiskLogger(shared.Value.Context),
        "gpu" => new GpuLogger(shared.Value.Context),
        "dotnet" => new DotnetLogger(shared.Value.Context),
        "packages" => new PackagesLogger(shared.Value.Context),
        "source" => new SourceLogger(shared.Value.Context),
        "console" => console is null ? new ConsoleLogger() : new ConsoleLogger(console),
        "resources" => new ResourcesLogger(TimeProvider.System),
        "system-metrics" => new SystemMetricsLogger(shared.Value.Context),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a default run logger"),
    };
}
