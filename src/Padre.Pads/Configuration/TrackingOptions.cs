using System.Collections;
using System.Globalization;
using Padre.Pads.Loggers.Run;
using Padre.Pads.Stores;

namespace Padre.Pads.Configuration;

/// <summary>
/// How runs are recorded: where (tracking URI, experiment), how fast (flush interval, queue), and what happens
/// when the store is away (spool, retries). <see cref="FromEnvironment"/> reads MLflow's own variables first, then
/// Padre.Pads' <c>PADRE_*</c> ones.
/// </summary>
/// <remarks>Credentials (<see cref="Token"/>, <see cref="Password"/>) never appear in <see cref="ToString"/>, logs or exceptions.</remarks>
public sealed record TrackingOptions
{
    /// <summary>Where runs are recorded. Default: MLflow 3's default (<c>sqlite:///mlflow.db</c> in the working directory).</summary>
    public TrackingUri TrackingUri { get; init; } = TrackingUri.Parse(null);

    /// <summary>Experiment for runs started without one (<c>MLFLOW_EXPERIMENT_NAME</c>); null: MLflow's <c>Default</c>.</summary>
    public string? ExperimentName { get; init; }

    /// <summary>Experiment id for runs started without an experiment (<c>MLFLOW_EXPERIMENT_ID</c>); wins over <see cref="ExperimentName"/>.</summary>
    public string? ExperimentId { get; init; }

    /// <summary>An existing store run the first top-level run attaches to instead of creating one (<c>MLFLOW_RUN_ID</c>).</summary>
    public string? RunId { get; init; }

    /// <summary>Bearer token for a tracking server (<c>MLFLOW_TRACKING_TOKEN</c>).</summary>
    public string? Token { get; init; }

    /// <summary>Basic-auth user for a tracking server (<c>MLFLOW_TRACKING_USERNAME</c>).</summary>
    public string? Username { get; init; }

    /// <summary>Basic-auth password for a tracking server (<c>MLFLOW_TRACKING_PASSWORD</c>).</summary>
    public string? Password { get; init; }

    /// <summary>Skip TLS certificate checks (<c>MLFLOW_TRACKING_INSECURE_TLS</c>); for test servers only.</summary>
    public bool InsecureTls { get; init; }

    /// <summary>HTTP retries per request (<c>MLFLOW_HTTP_REQUEST_MAX_RETRIES</c>, MLflow's default 7).</summary>
    public int HttpMaxRetries { get; init; } = 7;

    /// <summary>Exponential backoff factor in seconds (<c>MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR</c>, default 2).</summary>
    public double HttpBackoffFactor { get; init; } = 2;

    /// <summary>Random jitter added to each backoff, in seconds (<c>MLFLOW_HTTP_REQUEST_BACKOFF_JITTER</c>, default 1).</summary>
    public double HttpBackoffJitter { get; init; } = 1;

    /// <summary>Timeout of one HTTP request (<c>MLFLOW_HTTP_REQUEST_TIMEOUT</c> in seconds, default 120).</summary>
    public TimeSpan HttpTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Sampling interval of system metrics (<c>MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL</c> in seconds, default 10).</summary>
    public TimeSpan SystemMetricsSamplingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>When true (<c>PADRE_DISABLED=true</c>) every tracking call is a cheap no-op.</summary>
    public bool Disabled { get; init; }

    /// <summary>Where records wait until the store confirmed them (<c>PADRE_SPOOL_DIR</c>); null: <c>.padre/spool</c> beside the store.</summary>
    public string? SpoolDirectory { get; init; }

    /// <summary>Where records are spooled when <see cref="ResolveSpoolDirectory"/> is not writable; null: <c>padre-spool</c> in the temporary folder (tests name their own).</summary>
    internal string? SpoolFallbackDirectory { get; init; }

    /// <summary>How often the exporter sends (<c>PADRE_FLUSH_INTERVAL_MS</c>, default 1 s).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long tracking's background work holds back after tracking starts (<c>PADRE_BACKGROUND_DELAY_MS</c>, default 3 s):
    /// the first write to the store, the run loggers that read the machine, the repository and the files, model saves and
    /// dataset scans, so they do not compete with the program's start-up and training. It ends early when a run ends, a
    /// flush or sync is asked for, a queue reaches half its bound, or tracking closes; 0 starts the work at once.
    /// </summary>
    public TimeSpan BackgroundDelay { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Records the in-memory queue holds (<c>PADRE_QUEUE_CAPACITY</c>, default 65536).</summary>
    public int QueueCapacity { get; init; } = 65_536;

    /// <summary>
    /// How long a caller waits for room when the queue is full (<c>PADRE_QUEUE_FULL_WAIT_MS</c>, default 50 ms) before
    /// its record is written straight to the spool on its own thread. Records are never dropped.
    /// </summary>
    public TimeSpan QueueFullWait { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest wait for the store at run end and at process exit (<c>PADRE_FLUSH_TIMEOUT_MS</c>, default 5 s).</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Largest file or directory <c>LogArtifact</c> copies into the spool when it is logged (<c>PADRE_ARTIFACT_SNAPSHOT_MAX_MB</c>,
    /// default 100 MB), so overwriting or deleting it afterwards does not change what is recorded. Larger ones are read
    /// when they are uploaded (a warning says so); 0 reads every artifact at upload time.
    /// </summary>
    public long ArtifactSnapshotMaxBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Start a run when something is logged outside any run (<c>PADRE_AUTOSTART</c>, default true).</summary>
    public bool Autostart { get; init; } = true;

    /// <summary>Names of run loggers not to run (<c>PADRE_LOGGERS_DISABLED=git,console</c>; <c>all</c> disables every one).</summary>
    public IReadOnlySet<string> DisabledLoggers { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>First wait after the store failed transiently; doubles up to <see cref="RetryBackoffMax"/>.</summary>
    public TimeSpan RetryBackoffMin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between retries of an unavailable store.</summary>
    public TimeSpan RetryBackoffMax { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Builds the store for a tracking URI; null: the built-in stores. Tests inject their own here.</summary>
    public Func<TrackingUri, TrackingOptions, ITrackingStore>? StoreFactory { get; init; }

    /// <summary>Problems found while reading the environment (each names the variable, its value and what is expected; the default was used).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The spool directory in effect: <see cref="SpoolDirectory"/>, else <c>.padre/spool</c> beside the store.</summary>
    public string ResolveSpoolDirectory() => SpoolDirectory ?? TrackingUri.Kind switch
    {
        TrackingStoreKind.Sqlite => Path.Combine(Path.GetDirectoryName(TrackingUri.Location) ?? Environment.CurrentDirectory, ".padre", "spool"),
        TrackingStoreKind.FileStore => Path.Combine(Path.GetDirectoryName(TrackingUri.Location.TrimEnd(Path.DirectorySeparatorChar)) ?? TrackingUri.Location, ".padre", "spool"),
        _ => Path.Combine(Environment.CurrentDirectory, ".padre", "spool"),
    };

    /// <summary>The options without credentials.</summary>
    public override string ToString() =>
        $"TrackingUri={TrackingUri}, Experiment={ExperimentId ?? ExperimentName ?? "Default"}, Disabled={Disabled}, " +
        $"Credentials={(Token is not null ? "token" : Username is not null ? "basic" : "none")}, FlushInterval={FlushInterval.TotalMilliseconds}ms, QueueCapacity={QueueCapacity}";

    /// <summary>
    /// Reads options from environment variables (<paramref name="environment"/>, or the process environment when null).
    /// A bad value is not fatal: it is listed in <see cref="Problems"/> with the variable, the value and what is
    /// expected, and the default is used. An unusable tracking URI falls back to the default store, also listed.
    /// </summary>
    /// <param name="environment">The variables; null: the process environment.</param>
    /// <param name="workingDirectory">What relative paths (the default store, a relative <c>PADRE_SPOOL_DIR</c>) are resolved against; null: the current directory.</param>
    public static TrackingOptions FromEnvironment(IDictionary? environment = null, string? workingDirectory = null)
    {
        var env = new EnvironmentValues(environment ?? Environment.GetEnvironmentVariables());
        var directory = Path.GetFullPath(workingDirectory ?? Environment.CurrentDirectory);
        TrackingUri uri;
        try
        {
            uri = TrackingUri.Parse(env.Text("MLFLOW_TRACKING_URI"), directory);
        }
        catch (ArgumentException e)
        {
            env.Report($"MLFLOW_TRACKING_URI: {e.Message.Split(" (Parameter", 2)[0]} Using the default (sqlite:///mlflow.db).");
            uri = TrackingUri.Parse(null, directory);
        }

        var (disabled, disabledLoggers) = Switches(env);
        var options = new TrackingOptions
        {
            TrackingUri = uri,
            ExperimentName = env.Text("MLFLOW_EXPERIMENT_NAME"),
            ExperimentId = env.Text("MLFLOW_EXPERIMENT_ID"),
            RunId = env.Text("MLFLOW_RUN_ID"),
            Token = env.Text("MLFLOW_TRACKING_TOKEN"),
            Username = env.Text("MLFLOW_TRACKING_USERNAME"),
            Password = env.Text("MLFLOW_TRACKING_PASSWORD"),
            InsecureTls = env.Bool("MLFLOW_TRACKING_INSECURE_TLS", false),
            HttpMaxRetries = env.Int("MLFLOW_HTTP_REQUEST_MAX_RETRIES", 7, 0, 100),
            HttpBackoffFactor = env.Double("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", 2, 0, 600),
            HttpBackoffJitter = env.Double("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", 1, 0, 600),
            HttpTimeout = TimeSpan.FromSeconds(env.Double("MLFLOW_HTTP_REQUEST_TIMEOUT", 120, 0.001, 86_400)),
            SystemMetricsSamplingInterval = TimeSpan.FromSeconds(env.Double("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL", 10, 0.1, 86_400)),
            Disabled = disabled,
            SpoolDirectory = env.Text("PADRE_SPOOL_DIR") is { } spool ? Path.GetFullPath(spool, directory) : null,
            FlushInterval = TimeSpan.FromMilliseconds(env.Int("PADRE_FLUSH_INTERVAL_MS", 1000, 1, 3_600_000)),
            BackgroundDelay = TimeSpan.FromMilliseconds(env.Int("PADRE_BACKGROUND_DELAY_MS", 3000, 0, 3_600_000)),
            QueueCapacity = env.Int("PADRE_QUEUE_CAPACITY", 65_536, 16, 64 * 1024 * 1024),
            QueueFullWait = TimeSpan.FromMilliseconds(env.Int("PADRE_QUEUE_FULL_WAIT_MS", 50, 0, 60_000)),
            FlushTimeout = TimeSpan.FromMilliseconds(env.Int("PADRE_FLUSH_TIMEOUT_MS", 5000, 0, 3_600_000)),
            Autostart = env.Bool("PADRE_AUTOSTART", true),
            ArtifactSnapshotMaxBytes = env.Int("PADRE_ARTIFACT_SNAPSHOT_MAX_MB", 100, 0, 1024 * 1024) * 1024L * 1024,
            DisabledLoggers = disabledLoggers,
        };
        return options with { Problems = env.Problems };
    }

    /// <summary>
    /// Only <c>PADRE_DISABLED</c> and <c>PADRE_LOGGERS_DISABLED</c>, read as <see cref="FromEnvironment"/> reads them but
    /// without the rest (no tracking URI resolved, no other variable parsed, no problems kept): the generated module
    /// initializer asks before the program's <c>Main</c> whether to capture the console.
    /// </summary>
    internal static (bool Disabled, IReadOnlySet<string> DisabledLoggers) SwitchesFromEnvironment() =>
        Switches(Environment.GetEnvironmentVariable("PADRE_DISABLED"), Environment.GetEnvironmentVariable("PADRE_LOGGERS_DISABLED"));

    /// <summary>The switches from the values of <c>PADRE_DISABLED</c> and <c>PADRE_LOGGERS_DISABLED</c> (null: unset).</summary>
    internal static (bool Disabled, IReadOnlySet<string> DisabledLoggers) Switches(string? disabled, string? disabledLoggers)
    {
        if (disabled is null && disabledLoggers is null)
        {
            // As most programs run: nothing to parse, and none of the parsing's types loaded before Main.
            return (false, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        }

        var only = new Hashtable(2) { ["PADRE_DISABLED"] = disabled, ["PADRE_LOGGERS_DISABLED"] = disabledLoggers };
        return Switches(new EnvironmentValues(only));
    }

    private static (bool Disabled, HashSet<string> DisabledLoggers) Switches(EnvironmentValues env)
    {
        var disabledLoggers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in (env.Text("PADRE_LOGGERS_DISABLED") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            disabledLoggers.Add(name);
        }

        return (env.Bool("PADRE_DISABLED", false), disabledLoggers);
    }

    private sealed class EnvironmentValues(IDictionary environment)
    {
        private static readonly string[] TrueWords = ["true", "1", "yes", "on"];
        private static readonly string[] FalseWords = ["false", "0", "no", "off"];
        private readonly List<string> problems = [];

        public IReadOnlyList<string> Problems => problems;

        public void Report(string problem) => problems.Add(problem);

        public string? Text(string name) =>
            environment[name] is string value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        public bool Bool(string name, bool fallback)
        {
            var value = Text(name);
            if (value is null)
            {
                return fallback;
            }

            if (TrueWords.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }

            if (FalseWords.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                return false;
            }

            Report($"{name}='{Shown(name, value)}' is not a boolean; expected true or false (also 1/0, yes/no, on/off). Using the default ({(fallback ? "true" : "false")}).");
            return fallback;
        }

        public int Int(string name, int fallback, int min, int max)
        {
            var value = Text(name);
            if (value is null)
            {
                return fallback;
            }

            if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
            {
                return parsed;
            }

            Report($"{name}='{Shown(name, value)}' is not valid; expected a whole number from {min} to {max}. Using the default ({fallback}).");
            return fallback;
        }

        public double Double(string name, double fallback, double min, double max)
        {
            var value = Text(name);
            if (value is null)
            {
                return fallback;
            }

            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
            {
                return parsed;
            }

            Report($"{name}='{Shown(name, value)}' is not valid; expected a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}. Using the default ({fallback.ToString(CultureInfo.InvariantCulture)}).");
            return fallback;
        }

        // A problem names the value it could not use, unless it holds a credential: by the variable's name, or because it
        // contains what the run loggers' redactor removes (a secret variable's value, a token shape) or the tracking
        // URI's password, which TrackingUri drops before anyone else sees it (a token pasted into the wrong variable is
        // still a token). Only a problem builds the redactor, so reading good options costs nothing more.
        private string Shown(string name, string value) =>
            SecretRedactor.IsSecretName(name) || Redactor().Redact(value) != value
            || (UriPassword() is { } password && value.Contains(password, StringComparison.Ordinal))
                ? "***"
                : value;

        private SecretRedactor Redactor()
        {
            var variables = new List<KeyValuePair<string, string>>();
            foreach (DictionaryEntry entry in environment)
            {
                if (entry.Key is string key && entry.Value is string value)
                {
                    variables.Add(new(key, value.Trim()));
                }
            }

            return new SecretRedactor(variables);
        }

        private string? UriPassword() =>
            Text("MLFLOW_TRACKING_URI") is { } uri && Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
            && parsed.UserInfo.Split(':', 2) is [_, { Length: > 0 } password]
                ? Uri.UnescapeDataString(password)
                : null;
    }
}
