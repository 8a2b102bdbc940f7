using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Crash;

/// <summary>A store that is never reachable, so everything the child logs stays in its spool for the parent to replay.</summary>
internal sealed class UnreachableStore : ITrackingStore
{
    public string TrackingUri => "http://127.0.0.1:9/unreachable";

    public Task<Experiment?> GetExperimentAsync(string experimentId, CancellationToken cancellationToken = default) => Fail<Experiment?>();

    public Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default) => Fail<Experiment?>();

    public Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken cancellationToken = default) => Fail<string>();

    public Task<IReadOnlyList<Experiment>> SearchExperimentsAsync(ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<Experiment>>();

    public Task<RunInfo> CreateRunAsync(RunCreation creation, CancellationToken cancellationToken = default) => Fail<RunInfo>();

    public Task<RunInfo> UpdateRunAsync(string runId, RunStatus status, long? endTime, string? runName = null, CancellationToken cancellationToken = default) => Fail<RunInfo>();

    public Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task LogArtifactAsync(string runId, string artifactPath, Stream content, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default) => Fail<RunRecord?>();

    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<Metric>>();

    public Task<IReadOnlyList<RunRecord>> SearchRunsAsync(IReadOnlyList<string> experimentIds, string? filter = null, ViewType viewType = ViewType.ActiveOnly, int maxResults = 1000, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<RunRecord>>();

    public Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<ArtifactEntry>>();

    public Task<Stream> OpenArtifactAsync(string runId, string artifactPath, CancellationToken cancellationToken = default) => Fail<Stream>();

    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default) => Fail<bool>();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static Task<T> Fail<T>() =>
        Task.FromException<T>(new TrackingStoreException("TEMPORARILY_UNAVAILABLE", "The crash test's store is unreachable on purpose.", isTransient: true, httpStatus: 503));
}
