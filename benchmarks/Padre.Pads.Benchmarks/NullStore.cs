using Padre.Pads.Stores;

namespace Padre.Pads.Benchmarks;

/// <summary>A store that accepts everything and keeps nothing: the benchmarks measure the caller's side only.</summary>
internal sealed class NullStore : ITrackingStore
{
    public string TrackingUri => "null://";

    public Task<Experiment?> GetExperimentAsync(string experimentId, CancellationToken cancellationToken = default) => Task.FromResult<Experiment?>(null);

    public Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<Experiment?>(new Experiment("0", name, "mlruns/0", "active", 0, 0, []));

    public Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken cancellationToken = default) => Task.FromResult("0");

    public Task<IReadOnlyList<Experiment>> SearchExperimentsAsync(ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Experiment>>([]);

    public Task<RunInfo> CreateRunAsync(RunCreation creation, CancellationToken cancellationToken = default) =>
        Task.FromResult(new RunInfo(creation.RunId, creation.ExperimentId, creation.RunName ?? "run", creation.UserId, RunStatus.Running, creation.StartTime, null, "", "active"));

    public Task<RunInfo> UpdateRunAsync(string runId, RunStatus status, long? endTime, string? runName = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new RunInfo(runId, "0", runName ?? "run", "", status, 0, endTime, "", "active"));

    public Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task LogArtifactAsync(string runId, string artifactPath, Stream content, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default) => Task.FromResult<RunRecord?>(null);

    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Metric>>([]);

    public Task<IReadOnlyList<RunRecord>> SearchRunsAsync(IReadOnlyList<string> experimentIds, string? filter = null, ViewType viewType = ViewType.ActiveOnly, int maxResults = 1000, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<RunRecord>>([]);

    public Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<ArtifactEntry>>([]);

    public Task<Stream> OpenArtifactAsync(string runId, string artifactPath, CancellationToken cancellationToken = default) => Task.FromResult<Stream>(Stream.Null);

    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
