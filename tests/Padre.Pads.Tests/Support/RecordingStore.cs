using System.Collections.Concurrent;
using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Support;

/// <summary>
/// An in-memory <see cref="ITrackingStore"/> that records every call and can fail on demand: <see cref="Down"/>
/// makes every call fail transiently, <see cref="Reject"/> rejects batches holding a matching record for good,
/// and <see cref="AssignOwnIds"/> makes it behave like a tracking server that assigns run ids.
/// </summary>
public sealed class RecordingStore : ITrackingStore
{
    private readonly object gate = new();
    private readonly Dictionary<string, Experiment> experiments = new() { ["0"] = new Experiment("0", "Default", "mlruns/0", "active", 0, 0, []) };
    private readonly Dictionary<string, StoredRun> runs = [];

    /// <summary>When true every call throws a transient <see cref="TrackingStoreException"/>.</summary>
    public volatile bool Down;

    /// <summary>Batches with a metric, param or tag whose key this accepts are rejected (permanently).</summary>
    public Func<string, bool>? Reject { get; set; }

    /// <summary>When true, run ids are made by the store (like a tracking server), not taken from the caller.</summary>
    public bool AssignOwnIds { get; init; }

    /// <summary>Each LogBatch call that succeeded: (metrics, params, tags) counts.</summary>
    public ConcurrentQueue<(int Metrics, int Params, int Tags)> Batches { get; } = new();

    /// <summary>Each LogBatch call's param keys (successful ones).</summary>
    public ConcurrentQueue<string[]> BatchParamKeys { get; } = new();

    public int FailedCalls;

    private int calls;

    /// <summary>When set, every call whose number (from 1) is a multiple of this fails with <see cref="FailWith"/>.</summary>
    public int FailEvery { get; set; }

    /// <summary>The exception a failing call throws (default: a transient <see cref="HttpRequestException"/>).</summary>
    public Func<Exception> FailWith { get; set; } = () => new HttpRequestException("connection reset by the test");

    public string TrackingUri => "memory://recording";

    public IReadOnlyList<StoredRun> Runs
    {
        get
        {
            lock (gate)
            {
                return [.. runs.Values];
            }
        }
    }

    public StoredRun RunNamed(string name)
    {
        lock (gate)
        {
            return runs.Values.Single(r => r.Info.RunName == name);
        }
    }

    public Task<Experiment?> GetExperimentAsync(string experimentId, CancellationToken cancellationToken = default)
    {
        Check();
        lock (gate)
        {
            return Task.FromResult(experiments.GetValueOrDefault(experimentId));
        }
    }

    public Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        Check();
        lock (gate)
        {
            return Task.FromResult(experiments.Values.FirstOrDefault(e => e.Name == name));
        }
    }

    public Task<string> CreateExperimentAsync(string name, string? artifactLocation = null, IReadOnlyList<RunTag>? tags = null, CancellationToken cancellationToken = default)
    {
        Check();
        lock (gate)
        {
            var id = experiments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            experiments[id] = new Experiment(id, name, $"mlruns/{id}", "active", 0, 0, tags ?? []);
            return Task.FromResult(id);
        }
    }

    public Task<IReadOnlyList<Experiment>> SearchExperimentsAsync(ViewType viewType = ViewType.ActiveOnly, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Experiment>>([.. experiments.Values]);
        }
    }

    public Task<RunInfo> CreateRunAsync(RunCreation creation, CancellationToken cancellationToken = default)
    {
        Check();
        lock (gate)
        {
            var id = AssignOwnIds ? Guid.NewGuid().ToString("N") : creation.RunId;
            if (runs.ContainsKey(id))
            {
                throw new TrackingStoreException("RESOURCE_ALREADY_EXISTS", $"Run {id} already exists.");
            }

            var info = new RunInfo(id, creation.ExperimentId, creation.RunName ?? "generated", creation.UserId, RunStatus.Running, creation.StartTime, null, $"mlruns/{id}/artifacts", "active");
            var run = new StoredRun { Info = info };
            foreach (var tag in creation.Tags)
            {
                run.Tags[tag.Key] = tag.Value;
            }

            runs[id] = run;
            return Task.FromResult(info);
        }
    }

    public Task<RunInfo> UpdateRunAsync(string runId, RunStatus status, long? endTime, string? runName = null, CancellationToken cancellationToken = default)
    {
        Check();
        lock (gate)
        {
            var run = Find(runId);
            run.Info = run.Info with { Status = status, EndTime = endTime, RunName = runName ?? run.Info.RunName };
            run.StatusHistory.Add(status);
            return Task.FromResult(run.Info);
        }
    }

    public Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken cancellationToken = default)
    {
        Check();
        if (metrics.Count > MlflowRules.MaxMetricsPerBatch || parameters.Count > MlflowRules.MaxParamsPerBatch || tags.Count > MlflowRules.MaxTagsPerBatch
            || metrics.Count + parameters.Count + tags.Count > MlflowRules.MaxEntitiesPerBatch)
        {
            throw new TrackingStoreException("INVALID_PARAMETER_VALUE", "A batch logging request exceeds MLflow's limits.");
        }

        if (parameters.Select(p => p.Key).Distinct().Count() != parameters.Count)
        {
            throw new TrackingStoreException("INVALID_PARAMETER_VALUE", "Duplicate parameter keys have been submitted.");
        }

        if (Reject is { } reject && (metrics.Any(m => reject(m.Key)) || parameters.Any(p => reject(p.Key)) || tags.Any(t => reject(t.Key))))
        {
            throw new TrackingStoreException("INVALID_PARAMETER_VALUE", "Rejected by the test.");
        }

        lock (gate)
        {
            var run = Find(runId);
            foreach (var p in parameters)
            {
                if (run.Params.TryGetValue(p.Key, out var old) && old != p.Value)
                {
                    throw new TrackingStoreException("INVALID_PARAMETER_VALUE", $"Changing param values is not allowed. Param with key='{p.Key}'.");
                }
            }

            run.Metrics.AddRange(metrics);
            foreach (var p in parameters)
            {
                run.ParamWrites++;
                run.Params[p.Key] = p.Value;
            }

            foreach (var t in tags)
            {
                run.Tags[t.Key] = t.Value;
            }
        }

        Batches.Enqueue((metrics.Count, parameters.Count, tags.Count));
        BatchParamKeys.Enqueue([.. parameters.Select(p => p.Key)]);
        return Task.CompletedTask;
    }

    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken cancellationToken = default)
    {
        Check();
        lock (gate)
        {
            Find(runId).Inputs.AddRange(inputs);
        }

        return Task.CompletedTask;
    }

    public async Task LogArtifactAsync(string runId, string artifactPath, Stream content, CancellationToken cancellationToken = default)
    {
        Check();
        using var memory = new MemoryStream();
        await content.CopyToAsync(memory, cancellationToken);
        lock (gate)
        {
            Find(runId).Artifacts[artifactPath] = memory.ToArray();
        }
    }

    public Task<RunRecord?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(runs.TryGetValue(runId, out var run)
                ? new RunRecord(run.Info, [], [.. run.Params.Select(p => new Param(p.Key, p.Value))], [.. run.Tags.Select(t => new RunTag(t.Key, t.Value))], [.. run.Inputs])
                : null);
        }
    }

    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<Metric>>([.. Find(runId).Metrics.Where(m => m.Key == key)]);
        }
    }

    public Task<IReadOnlyList<RunRecord>> SearchRunsAsync(IReadOnlyList<string> experimentIds, string? filter = null, ViewType viewType = ViewType.ActiveOnly, int maxResults = 1000, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The recording store does not search.");

    public Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<ArtifactEntry>>([.. Find(runId).Artifacts.Select(a => new ArtifactEntry(a.Key, false, a.Value.Length))]);
        }
    }

    public Task<Stream> OpenArtifactAsync(string runId, string artifactPath, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<Stream>(new MemoryStream(Find(runId).Artifacts[artifactPath]));
        }
    }

    public Task DeleteRunAsync(string runId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RestoreRunAsync(string runId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void Check()
    {
        if (FailEvery > 0 && Interlocked.Increment(ref calls) % FailEvery == 0)
        {
            Interlocked.Increment(ref FailedCalls);
            throw FailWith();
        }

        if (Down)
        {
            Interlocked.Increment(ref FailedCalls);
            throw new TrackingStoreException("TEMPORARILY_UNAVAILABLE", "The test store is down.", isTransient: true, httpStatus: 503);
        }
    }

    private StoredRun Find(string runId) =>
        runs.TryGetValue(runId, out var run) ? run : throw new TrackingStoreException("RESOURCE_DOES_NOT_EXIST", $"Run '{runId}' not found.");

    /// <summary>Everything the store holds for one run.</summary>
    public sealed class StoredRun
    {
        public required RunInfo Info { get; set; }

        public List<Metric> Metrics { get; } = [];

        public Dictionary<string, string> Params { get; } = [];

        public int ParamWrites { get; set; }

        public Dictionary<string, string> Tags { get; } = [];

        public List<DatasetInput> Inputs { get; } = [];

        public Dictionary<string, byte[]> Artifacts { get; } = [];

        public List<RunStatus> StatusHistory { get; } = [];
    }
}
