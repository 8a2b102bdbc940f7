namespace Padre.Pads.Stores;

/// <summary>
/// A place runs are recorded: MLflow's SQLite schema, its file store, or a tracking server's REST API.
/// </summary>
/// <remarks>
/// Stores know nothing of hooks or the export queue. Every store applies MLflow's validation rules
/// (<see cref="MlflowRules"/>) before it writes, so what one store accepts, every store accepts, and
/// MLflow's own readers see the same data whichever store wrote it. Rejections are thrown as
/// <see cref="TrackingStoreException"/>; transient failures have <see cref="TrackingStoreException.IsTransient"/> set.
/// Implementations are safe to call from one exporter thread at a time; reads may run concurrently.
/// </remarks>
public interface ITrackingStore : IAsyncDisposable
{
    /// <summary>The tracking URI this store writes to, without credentials.</summary>
    string TrackingUri { get; }

    /// <summary>The experiment with this id, or null.</summary>
    Task<Experiment?> GetExperimentAsync(string experimentId, CancellationToken cancellationToken = default);

    /// <summary>The experiment with this name (deleted ones included, as MLflow does), or null.</summary>
    Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates an experiment and returns its id.</summary>
    Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken cancellationToken = default);

    /// <summary>All experiments in the given view.</summary>
    Task<IReadOnlyList<Experiment>> SearchExperimentsAsync(ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default);

    /// <summary>Creates a run; the returned info carries the id the store assigned.</summary>
    Task<RunInfo> CreateRunAsync(RunCreation creation, CancellationToken cancellationToken = default);

    /// <summary>Sets status, end time and optionally a new name.</summary>
    Task<RunInfo> UpdateRunAsync(string runId, RunStatus status, long? endTime, string? runName = null, CancellationToken cancellationToken = default);

    /// <summary>Writes metrics, params and tags. Callers keep within MLflow's batch limits (<see cref="MlflowRules"/>).</summary>
    Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken cancellationToken = default);

    /// <summary>Records datasets used by the run; the same (name, digest) twice is recorded once.</summary>
    Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken = default);

    /// <summary>Writes one artifact file at <paramref name="artifactPath"/> (relative, '/'-separated, file name included).</summary>
    Task LogArtifactAsync(string runId, string artifactPath, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The run with its data, or null when no such run exists.</summary>
    Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Every point logged for one metric key, in store order.</summary>
    Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default);

    /// <summary>Runs of the given experiments, newest first. <paramref name="filter"/> is MLflow's search syntax (a store may support a subset and says so in its exception).</summary>
    Task<IReadOnlyList<RunRecord>> SearchRunsAsync(IReadOnlyList<string> experimentIds, string? filter = null, ViewType viewType = ViewType.ActiveOnly, int maxResults = 1000, CancellationToken cancellationToken = default);

    /// <summary>Direct children of <paramref name="path"/> (null: the artifact root), paths relative to the artifact root.</summary>
    Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default);

    /// <summary>Opens one artifact file for reading.</summary>
    Task<Stream> OpenArtifactAsync(string runId, string artifactPath, CancellationToken cancellationToken = default);

    /// <summary>Marks the run deleted (MLflow's soft delete).</summary>
    Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Restores a deleted run.</summary>
    Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default);
}
