using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Refit;

namespace Padre.Pads.Stores.Mlflow.Rest;

/// <summary>
/// Records runs on an MLflow tracking server through its REST API, sending what MLflow's python client sends
/// and retrying as it does (see <see cref="RestStoreOptions"/>).
/// </summary>
/// <remarks>
/// Retried writes are safe: MLflow's SQL store keeps one row per identical (key, value, timestamp, step) metric
/// and accepts a param logged again with the same value, so a log-batch whose response was lost and is sent again
/// neither duplicates metrics nor fails as "changed value". Where the server's own duplicate check fails (a NaN
/// point: it answers an IntegrityError), the store reads what is stored and sends only the missing points.
/// Run creation is not idempotent on the server: a create whose response is lost and is retried can leave an
/// empty extra run (MLflow's own client has the same gap).
/// </remarks>
public sealed class RestTrackingStore : ITrackingStore
{
    private const int HistoryPageSize = 25000;
    private const int ExperimentPageSize = 1000;
    private const int MaxRunsPerPage = 50000;

    private readonly HttpClient http;
    private readonly IMlflowRestApi api;
    private readonly ConcurrentDictionary<string, string> artifactUris = new(StringComparer.Ordinal);

    /// <summary>Creates the store; no request is sent until the first operation.</summary>
    public RestTrackingStore(RestStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.BaseUri.IsAbsoluteUri || options.BaseUri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The tracking server URI '{WithoutUserInfo(options.BaseUri)}' must be an absolute http:// or https:// URI, e.g. http://127.0.0.1:5000.", nameof(options));
        }

        var server = new Uri(WithoutUserInfo(options.BaseUri));
        TrackingUri = server.ToString().TrimEnd('/');
        var translation = new MlflowErrorTranslation(new Uri(TrackingUri))
        {
            InnerHandler = new ResilienceHandler(MlflowRetryPipeline.Create(options))
            {
                InnerHandler = options.Handler ?? SocketHandler(options),
            },
        };
        http = new HttpClient(translation, disposeHandler: true)
        {
            BaseAddress = server,
            // Each attempt has its own timeout in the retry pipeline.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("padre-pads", typeof(RestTrackingStore).Assembly.GetName().Version?.ToString(3)));
        if (Authorization(options) is { } authorization)
        {
            http.DefaultRequestHeaders.Authorization = authorization;
        }

        api = MlflowRestClient.Create(http);
    }

    /// <inheritdoc />
    public string TrackingUri { get; }

    /// <inheritdoc />
    public async Task<Experiment?> GetExperimentAsync(string experimentId, CancellationToken cancellationToken = default)
    {
        var response = await OrNotFound(() => api.GetExperiment(experimentId, cancellationToken)).ConfigureAwait(false);
        return response?.Experiment?.ToExperiment();
    }

    /// <inheritdoc />
    public async Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        var response = await OrNotFound(() => api.GetExperimentByName(name, cancellationToken)).ConfigureAwait(false);
        return response?.Experiment?.ToExperiment();
    }

    /// <inheritdoc />
    public async Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MlflowRules.MaxExperimentNameLength)
        {
            throw Invalid($"Experiment name must be 1 to {MlflowRules.MaxExperimentNameLength} characters long (got {name?.Length ?? 0}).");
        }

        var tagDtos = tags is { Count: > 0 } ? tags.Select(t => ValidExperimentTag(t).ToDto()).ToList() : null;
        var response = await Call(() => api.CreateExperiment(new CreateExperimentRequest(name, artifactLocation, tagDtos), cancellationToken)).ConfigureAwait(false);
        return response.ExperimentId ?? throw new TrackingStoreException("INVALID_RESPONSE", $"The tracking server {TrackingUri} created experiment '{name}' but returned no experiment_id.");
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Experiment>> SearchExperimentsAsync(ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default)
    {
        var experiments = new List<Experiment>();
        string? token = null;
        do
        {
            var request = new SearchExperimentsRequest(ExperimentPageSize, viewType.ToWire(), token);
            var page = await Call(() => api.SearchExperiments(request, cancellationToken)).ConfigureAwait(false);
            experiments.AddRange(page.Experiments?.Select(MessageMapping.ToExperiment) ?? []);
            token = NextToken(token, page.NextPageToken, page.Experiments?.Count ?? 0);
        }
        while (token is not null);

        return experiments;
    }

    /// <inheritdoc />
    public async Task<RunInfo> CreateRunAsync(RunCreation creation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        if (string.IsNullOrEmpty(creation.ExperimentId))
        {
            // Without an experiment id MLflow's server fails with a raw SQL error; say what is missing instead.
            throw Invalid("A run needs an experiment id: create or look up the experiment first.");
        }

        var tags = creation.Tags.Count == 0 ? null : creation.Tags.Select(t => ValidTag(t).ToDto()).ToList();
        var request = new CreateRunRequest(creation.ExperimentId, creation.UserId, creation.StartTime, creation.RunName, tags);
        var response = await Call(() => api.CreateRun(request, cancellationToken)).ConfigureAwait(false);
        var run = response.Run?.ToRunRecord() ?? throw new TrackingStoreException("INVALID_RESPONSE", $"The tracking server {TrackingUri} created a run but returned none.");
        Remember(run.Info);
        return run.Info;
    }

    /// <inheritdoc />
    public async Task<RunInfo> UpdateRunAsync(string runId, RunStatus status, long? endTime, string? runName = null, CancellationToken cancellationToken = default)
    {
        var request = new UpdateRunRequest(runId, runId, status.ToWire(), endTime, runName);
        var response = await Call(() => api.UpdateRun(request, cancellationToken)).ConfigureAwait(false);
        var info = response.RunInfo?.ToRunInfo() ?? throw new TrackingStoreException("INVALID_RESPONSE", $"The tracking server {TrackingUri} updated run {runId} but returned no run_info.");
        Remember(info);
        return info;
    }

    /// <inheritdoc />
    public async Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken cancellationToken = default)
    {
        var metricDtos = metrics.Select(m => ValidMetric(m).ToDto()).ToList();
        var paramDtos = DistinctParams(parameters);
        var tagDtos = tags.Select(t => ValidTag(t).ToDto()).ToList();
        foreach (var request in LogBatchChunks.Split(runId, metricDtos, paramDtos, tagDtos))
        {
            try
            {
                await Call(() => api.LogBatch(request, cancellationToken)).ConfigureAwait(false);
            }
            catch (TrackingStoreException e) when (IsStoredMetricConflict(e) && request.Metrics is { Count: > 0 })
            {
                // The batch (or part of it) is already stored: typically a retry after a response was lost. MLflow's server
                // means to skip identical rows but compares NaN != NaN, so a batch with a NaN point fails as an IntegrityError.
                // Send again only the points it lacks; params are resent unchanged (same value is accepted), tags are upserts.
                var missing = await MissingMetrics(runId, request.Metrics, cancellationToken).ConfigureAwait(false);
                var rest = request with { Metrics = missing.Count == 0 ? null : missing };
                await Call(() => api.LogBatch(rest, cancellationToken)).ConfigureAwait(false);
            }
        }
    }

    private static bool IsStoredMetricConflict(TrackingStoreException e) =>
        e.ErrorCode == "BAD_REQUEST" && e.Message.Contains("IntegrityError", StringComparison.Ordinal) && e.Message.Contains("metrics", StringComparison.Ordinal);

    private async Task<List<MetricDto>> MissingMetrics(string runId, List<MetricDto> metrics, CancellationToken cancellationToken)
    {
        var stored = new HashSet<(string, long, long, double)>();
        foreach (var key in metrics.Select(m => m.Key!).Distinct(StringComparer.Ordinal))
        {
            foreach (var point in await GetMetricHistoryAsync(runId, key, cancellationToken).ConfigureAwait(false))
            {
                stored.Add(AsStored(point.Key, point.Step, point.Timestamp, point.Value));
            }
        }

        return metrics.Where(m => !stored.Contains(AsStored(m.Key!, m.Step, m.Timestamp, m.Value))).ToList();

        // The SQL store clamps infinities; NaN equals NaN here (double.Equals), unlike in MLflow's own comparison.
        static (string, long, long, double) AsStored(string key, long step, long timestamp, double value) =>
            (key, step, timestamp, double.IsInfinity(value) ? Math.CopySign(double.MaxValue, value) : value);
    }

    /// <inheritdoc />
    public async Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken = default)
    {
        if (inputs.Count == 0)
        {
            return;
        }

        var datasets = inputs.Select(i => ValidInput(i).ToDto()).ToList();
        await Call(() => api.LogInputs(new LogInputsRequest(runId, datasets), cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task LogArtifactAsync(string runId, string artifactPath, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var relative = ArtifactLocation.Relative(artifactPath, allowEmpty: false);
        var root = await ArtifactRoot(runId, cancellationToken).ConfigureAwait(false);

        // A retry sends the body again: a seekable stream rewinds, any other is buffered first.
        var replayable = content.CanSeek ? content : await Buffer(content, cancellationToken).ConfigureAwait(false);
        using var body = new StreamContent(replayable);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        await Call(() => api.UploadArtifact(ArtifactLocation.Combine(root, relative), body, cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var response = await OrNotFound(() => api.GetRun(runId, runId, cancellationToken)).ConfigureAwait(false);
        var run = response?.Run?.ToRunRecord();
        if (run is not null)
        {
            Remember(run.Info);
        }

        return run;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        var history = new List<Metric>();
        string? token = null;
        do
        {
            var current = token;
            var page = await Call(() => api.GetMetricHistory(runId, key, runId, HistoryPageSize, current, cancellationToken)).ConfigureAwait(false);
            history.AddRange(page.Metrics?.Select(MessageMapping.ToMetric) ?? []);
            token = NextToken(token, page.NextPageToken, page.Metrics?.Count ?? 0);
        }
        while (token is not null);

        return history;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunRecord>> SearchRunsAsync(IReadOnlyList<string> experimentIds, string? filter = null, ViewType viewType = ViewType.ActiveOnly, int maxResults = 1000, CancellationToken cancellationToken = default)
    {
        var runs = new List<RunRecord>();
        string? token = null;
        do
        {
            var request = new SearchRunsRequest([.. experimentIds], string.IsNullOrEmpty(filter) ? null : filter, viewType.ToWire(),
                Math.Min(maxResults - runs.Count, MaxRunsPerPage), token);
            var page = await Call(() => api.SearchRuns(request, cancellationToken)).ConfigureAwait(false);
            runs.AddRange(page.Runs?.Select(MessageMapping.ToRunRecord) ?? []);
            token = runs.Count >= maxResults ? null : NextToken(token, page.NextPageToken, page.Runs?.Count ?? 0);
        }
        while (token is not null);

        return runs;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default)
    {
        var relative = ArtifactLocation.Relative(path, allowEmpty: true);
        var root = await ArtifactRoot(runId, cancellationToken).ConfigureAwait(false);
        var response = await Call(() => api.ListArtifacts(ArtifactLocation.Combine(root, relative), cancellationToken)).ConfigureAwait(false);

        // The proxy answers paths relative to the listed directory; the contract wants them relative to the artifact root.
        return response.Files?.Select(f => new ArtifactEntry(ArtifactLocation.Combine(relative, f.Path ?? string.Empty), f.IsDir, f.IsDir ? null : f.FileSize ?? 0)).ToList() ?? [];
    }

    /// <inheritdoc />
    public async Task<Stream> OpenArtifactAsync(string runId, string artifactPath, CancellationToken cancellationToken = default)
    {
        var relative = ArtifactLocation.Relative(artifactPath, allowEmpty: false);
        var root = await ArtifactRoot(runId, cancellationToken).ConfigureAwait(false);
        return await Call(() => api.DownloadArtifact(ArtifactLocation.Combine(root, relative), cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default) =>
        Call(() => api.DeleteRun(new RunIdRequest(runId), cancellationToken));

    /// <inheritdoc />
    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default) =>
        Call(() => api.RestoreRun(new RunIdRequest(runId), cancellationToken));

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The store's tracking URI, without credentials.</summary>
    public override string ToString() => $"MLflow tracking server {TrackingUri}";

    internal static string WithoutUserInfo(Uri uri) =>
        !uri.IsAbsoluteUri || uri.UserInfo.Length == 0 ? uri.ToString() : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();

    private static AuthenticationHeaderValue? Authorization(RestStoreOptions options)
    {
        if (options.Token is { Length: > 0 } token)
        {
            return new AuthenticationHeaderValue("Bearer", token);
        }

        var (user, password) = options.Username is not null
            ? (options.Username, options.Password ?? string.Empty)
            : options.BaseUri.IsAbsoluteUri && options.BaseUri.UserInfo.Length > 0
                ? (Uri.UnescapeDataString(options.BaseUri.UserInfo.Split(':')[0]), Uri.UnescapeDataString(options.BaseUri.UserInfo.Split(':').ElementAtOrDefault(1) ?? string.Empty))
                : (null, null);
        return user is null ? null : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    private static SocketsHttpHandler SocketHandler(RestStoreOptions options)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (options.InsecureTls)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        }

        return handler;
    }

    private async Task<string> ArtifactRoot(string runId, CancellationToken cancellationToken)
    {
        if (!artifactUris.TryGetValue(runId, out var uri))
        {
            var run = await GetRunAsync(runId, cancellationToken).ConfigureAwait(false)
                ?? throw new TrackingStoreException("RESOURCE_DOES_NOT_EXIST", $"Run '{runId}' not found on {TrackingUri}.", httpStatus: 404);
            uri = run.Info.ArtifactUri;
        }

        return ArtifactLocation.ProxyRoot(runId, uri);
    }

    private void Remember(RunInfo info)
    {
        if (info.ArtifactUri.Length > 0)
        {
            artifactUris[info.RunId] = info.ArtifactUri;
        }
    }

    private static async Task<Stream> Buffer(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return buffer;
    }

    // A repeated or missing token ends paging: MLflow answers a history request without max_results with a token
    // it then rejects, and an empty page with a token must not loop forever.
    private static string? NextToken(string? previous, string? next, int pageCount) =>
        string.IsNullOrEmpty(next) || next == previous || pageCount == 0 ? null : next;

    private static List<KeyValueDto> DistinctParams(IReadOnlyList<Param> parameters)
    {
        // MLflow rejects a key twice in one batch even with equal values; equal repeats are dropped, different ones are an error.
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<KeyValueDto>(parameters.Count);
        foreach (var p in parameters)
        {
            ValidKey(p.Key, "param");
            var value = MlflowRules.TruncateParamValue(p.Value);
            if (seen.TryGetValue(p.Key, out var earlier))
            {
                if (earlier != value)
                {
                    throw Invalid($"Param '{p.Key}' appears twice in one batch with different values ('{Shorten(earlier)}', '{Shorten(value)}'); params are immutable, log one value.");
                }

                continue;
            }

            seen.Add(p.Key, value);
            result.Add(new KeyValueDto(p.Key, value));
        }

        return result;
    }

    private static Metric ValidMetric(Metric metric)
    {
        ValidKey(metric.Key, "metric");
        return metric;
    }

    private static void ValidKey(string key, string kind)
    {
        if (MlflowRules.ValidateKey(key) is { } reason)
        {
            throw Invalid($"Invalid {kind} key '{Shorten(key ?? string.Empty)}': {reason}");
        }
    }

    private static RunTag ValidTag(RunTag tag)
    {
        ValidKey(tag.Key, "tag");
        return new RunTag(tag.Key, MlflowRules.TruncateTagValue(tag.Value));
    }

    private static RunTag ValidExperimentTag(RunTag tag)
    {
        ValidKey(tag.Key, "experiment tag");
        if ((tag.Value?.Length ?? 0) > MlflowRules.MaxExperimentTagValueLength)
        {
            throw Invalid($"Experiment tag '{tag.Key}' has a value of {tag.Value!.Length} characters; MLflow accepts at most {MlflowRules.MaxExperimentTagValueLength}.");
        }

        return new RunTag(tag.Key, tag.Value ?? string.Empty);
    }

    private static DatasetInput ValidInput(DatasetInput input)
    {
        var d = input.Dataset;
        if (string.IsNullOrEmpty(d.Name) || d.Name.Length > MlflowRules.MaxDatasetNameLength)
        {
            throw Invalid($"Dataset name must be 1 to {MlflowRules.MaxDatasetNameLength} characters long (got {d.Name?.Length ?? 0}).");
        }

        if ((d.Digest?.Length ?? 0) > MlflowRules.MaxDatasetDigestLength)
        {
            throw Invalid($"Dataset '{d.Name}' has a digest of {d.Digest!.Length} characters; MLflow accepts at most {MlflowRules.MaxDatasetDigestLength}.");
        }

        if ((d.Source?.Length ?? 0) > MlflowRules.MaxDatasetSourceLength || (d.Schema?.Length ?? 0) > MlflowRules.MaxDatasetSchemaLength || (d.Profile?.Length ?? 0) > MlflowRules.MaxDatasetProfileLength)
        {
            throw Invalid($"Dataset '{d.Name}' has a source, schema or profile longer than MLflow accepts ({MlflowRules.MaxDatasetSourceLength}, {MlflowRules.MaxDatasetSchemaLength}, {MlflowRules.MaxDatasetProfileLength} characters).");
        }

        foreach (var tag in input.Tags)
        {
            if (string.IsNullOrEmpty(tag.Key) || tag.Key.Length > MlflowRules.MaxInputTagKeyLength || (tag.Value?.Length ?? 0) > MlflowRules.MaxInputTagValueLength)
            {
                throw Invalid($"Input tag '{Shorten(tag.Key ?? string.Empty)}' of dataset '{d.Name}' must have a key of 1 to {MlflowRules.MaxInputTagKeyLength} and a value of at most {MlflowRules.MaxInputTagValueLength} characters.");
            }
        }

        return input;
    }

    private static TrackingStoreException Invalid(string message) => new("INVALID_PARAMETER_VALUE", message);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private async Task<T?> OrNotFound<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await Call(call).ConfigureAwait(false);
        }
        catch (TrackingStoreException e) when (e.ErrorCode == "RESOURCE_DOES_NOT_EXIST")
        {
            return null;
        }
    }

    private static Exception? Unwrap(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is TrackingStoreException or OperationCanceledException)
            {
                return inner;
            }
        }

        return null;
    }

    private async Task Call(Func<Task> call) => await Call(async () => { await call().ConfigureAwait(false); return true; }).ConfigureAwait(false);

    private async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not TrackingStoreException and not OperationCanceledException && Unwrap(e) is { } inner)
        {
            // Refit wraps what the handlers throw (ApiRequestException); callers see the store's own exception.
            ExceptionDispatchInfo.Throw(inner);
            throw;
        }
        catch (ApiException e)
        {
            // Refit only fails here on a 2xx body it cannot read: the server speaks something other than MLflow's JSON.
            throw new TrackingStoreException("INVALID_RESPONSE",
                $"{e.HttpMethod} {e.Uri?.AbsolutePath} on {TrackingUri} answered HTTP {(int)e.StatusCode} with a body that is not MLflow's JSON: {e.InnerException?.Message ?? e.Message}",
                httpStatus: (int)e.StatusCode, inner: e);
        }
        catch (JsonException e)
        {
            throw new TrackingStoreException("INVALID_RESPONSE", $"The tracking server {TrackingUri} answered with JSON this client cannot read: {e.Message}", inner: e);
        }
    }
}
