namespace Padre.Pads.Stores.Mlflow.Rest;

/// <summary>
/// How <see cref="RestTrackingStore"/> reaches an MLflow tracking server. Defaults are MLflow's own
/// (<c>mlflow/environment_variables.py</c>): 7 retries, backoff factor 2, jitter 1 s, 120 s per request.
/// </summary>
/// <remarks><see cref="ToString"/> never shows the token or password.</remarks>
public sealed class RestStoreOptions
{
    /// <summary>The server root, e.g. <c>http://127.0.0.1:5000</c>. User info in the URI becomes Basic credentials.</summary>
    public required Uri BaseUri { get; init; }

    /// <summary>Sent as <c>Authorization: Bearer &lt;token&gt;</c> (MLflow's <c>MLFLOW_TRACKING_TOKEN</c>).</summary>
    public string? Token { get; init; }

    /// <summary>Basic-auth user (MLflow's <c>MLFLOW_TRACKING_USERNAME</c>).</summary>
    public string? Username { get; init; }

    /// <summary>Basic-auth password (MLflow's <c>MLFLOW_TRACKING_PASSWORD</c>).</summary>
    public string? Password { get; init; }

    /// <summary>Accept any server certificate (MLflow's <c>MLFLOW_TRACKING_INSECURE_TLS</c>). Only for test servers.</summary>
    public bool InsecureTls { get; init; }

    /// <summary>Retries after the first attempt for 408, 429, 500, 502, 503, 504, resets and timeouts (<c>MLFLOW_HTTP_REQUEST_MAX_RETRIES</c>).</summary>
    public int MaxRetries { get; init; } = 7;

    /// <summary>Backoff before retry n ≥ 2 is <c>factor · 2^(n-1)</c> seconds, as urllib3 does (<c>MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR</c>).</summary>
    public double BackoffFactor { get; init; } = 2;

    /// <summary>Up to this many seconds of random delay added to each backoff (<c>MLFLOW_HTTP_REQUEST_BACKOFF_JITTER</c>).</summary>
    public double BackoffJitter { get; init; } = 1.0;

    /// <summary>Longest single backoff, and longest <c>Retry-After</c> honoured (urllib3's 120 s).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Time limit of one attempt (<c>MLFLOW_HTTP_REQUEST_TIMEOUT</c>).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Replaces the socket handler (tests, proxies). The store takes ownership and disposes it.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>
    /// Options from MLflow's environment variables (<c>MLFLOW_TRACKING_TOKEN</c>, <c>_USERNAME</c>, <c>_PASSWORD</c>,
    /// <c>_INSECURE_TLS</c>, <c>MLFLOW_HTTP_REQUEST_MAX_RETRIES</c>, <c>_BACKOFF_FACTOR</c>, <c>_BACKOFF_JITTER</c>, <c>_TIMEOUT</c>).
    /// </summary>
    public static RestStoreOptions FromEnvironment(Uri baseUri)
    {
        static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        static double Number(string name, double fallback) =>
            double.TryParse(Env(name), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : fallback;

        var defaults = new RestStoreOptions { BaseUri = baseUri };
        return new RestStoreOptions
        {
            BaseUri = baseUri,
            Token = Env("MLFLOW_TRACKING_TOKEN"),
            Username = Env("MLFLOW_TRACKING_USERNAME"),
            Password = Env("MLFLOW_TRACKING_PASSWORD"),
            InsecureTls = string.Equals(Env("MLFLOW_TRACKING_INSECURE_TLS"), "true", StringComparison.OrdinalIgnoreCase),
            MaxRetries = (int)Number("MLFLOW_HTTP_REQUEST_MAX_RETRIES", defaults.MaxRetries),
            BackoffFactor = Number("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", defaults.BackoffFactor),
            BackoffJitter = Number("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER", defaults.BackoffJitter),
            RequestTimeout = TimeSpan.FromSeconds(Number("MLFLOW_HTTP_REQUEST_TIMEOUT", defaults.RequestTimeout.TotalSeconds)),
        };
    }

    /// <summary>The server URI and which kind of credentials are set, never their values.</summary>
    public override string ToString()
    {
        var auth = Token is not null ? "bearer token" : Username is not null || BaseUri.UserInfo.Length > 0 ? "basic credentials" : "no credentials";
        return $"{RestTrackingStore.WithoutUserInfo(BaseUri)} ({auth}, {MaxRetries} retries, timeout {RequestTimeout.TotalSeconds:0.###} s{(InsecureTls ? ", insecure TLS" : string.Empty)})";
    }
}
