using System.Collections.Concurrent;
using Padre.Pads.Stores;
using Padre.Pads.Tracking;

namespace Padre.Pads.Export;

/// <summary>
/// Sends spooled records to the store, in order per run: creates runs (resolving experiments by name, creating them
/// on first use), fills log-batch requests within MLflow's limits, uploads artifacts and ends runs. Marks each entry
/// done once the store confirmed it, or rejected it for good (reported; a rejected batch is retried in halves so only
/// the bad record is skipped). A transient failure stops the pass with <see cref="StoreUnavailableException"/>; the
/// entries not marked done are sent on the next pass.
/// </summary>
internal sealed class StoreWriter(ITrackingStore store, Reporter reporter, Action<string, string> persistBinding)
{
    private const string DefaultExperimentName = "Default";

    // MLflow 3 UIs that read this tag open the experiment in the model-training layout, not the GenAI one (3.11's UI
    // lets its sidebar switch decide instead). Set only on experiments Padre.Pads creates: existing tags are the user's.
    private static readonly RunTag[] NewExperimentTags = [new("mlflow.experimentKind", "custom_model_development")];
    private readonly Dictionary<string, string> experimentIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> failedRuns = new(StringComparer.Ordinal);
    private readonly List<SpoolEntry> batch = [];
    private readonly BatchLimits limits = new();

    /// <summary>Local run id → the store's run id.</summary>
    public ConcurrentDictionary<string, string> Bindings { get; } = new(StringComparer.Ordinal);

    public long Sent { get; private set; }

    public long Rejected { get; private set; }

    public long Batches { get; private set; }

    /// <summary>Sends the entries not yet done. Entries of one run keep their order; runs are created before their records.</summary>
    public async Task SendAsync(IReadOnlyList<SpoolEntry> entries, CancellationToken cancellation)
    {
        var byRun = new Dictionary<string, List<SpoolEntry>>(StringComparer.Ordinal);
        var order = new List<List<SpoolEntry>>();
        foreach (var entry in entries)
        {
            if (entry.Done)
            {
                continue;
            }

            if (!byRun.TryGetValue(entry.Record.RunId, out var list))
            {
                list = [];
                byRun[entry.Record.RunId] = list;
                order.Add(list);
            }

            list.Add(entry);
        }

        foreach (var list in order)
        {
            await SendRunAsync(list, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Ends a run the store has (a replayed run whose process died) as KILLED.</summary>
    public async Task<bool> KillAsync(string localRunId, long endTime, CancellationToken cancellation)
    {
        if (!Bindings.TryGetValue(localRunId, out var storeId))
        {
            return false;
        }

        await AttemptAsync(() => store.UpdateRunAsync(storeId, RunStatus.Killed, endTime, cancellationToken: cancellation), cancellation, "end run {RunId} as KILLED", localRunId).ConfigureAwait(false);
        return true;
    }

    private async Task SendRunAsync(List<SpoolEntry> entries, CancellationToken cancellation)
    {
        batch.Clear();
        limits.Clear();
        foreach (var entry in entries)
        {
            var record = entry.Record;
            if (record.Kind is RecordKind.Metric or RecordKind.Param or RecordKind.Tag)
            {
                if (!Bindings.ContainsKey(record.RunId))
                {
                    Skip(entry);
                    continue;
                }

                if (!limits.TryAdd(record))
                {
                    await SendBatchAsync(cancellation).ConfigureAwait(false);
                    limits.TryAdd(record);
                }

                batch.Add(entry);
                continue;
            }

            // Params, metrics and tags keep filling one batch across inputs and artifacts (neither depends on them),
            // so a pass makes a few write transactions, not one per artifact; the run's start and end stay in order.
            if (record.Kind is RecordKind.StartRun or RecordKind.EndRun)
            {
                await SendBatchAsync(cancellation).ConfigureAwait(false);
            }

            if (record.Kind == RecordKind.StartRun)
            {
                await StartRunAsync(entry, cancellation).ConfigureAwait(false);
                continue;
            }

            if (!Bindings.TryGetValue(record.RunId, out var storeId))
            {
                Skip(entry);
                continue;
            }

            var done = record.Kind switch
            {
                RecordKind.Input => await AttemptAsync(() => store.LogInputsAsync(storeId, [(DatasetInput)record.Payload!], cancellation), cancellation, "log dataset input {Key} of run {RunId}", ((DatasetInput)record.Payload!).Dataset.Name, record.RunId).ConfigureAwait(false),
                RecordKind.ArtifactPath => await UploadPathAsync(storeId, record, cancellation).ConfigureAwait(false),
                RecordKind.ArtifactSnapshot => await UploadSnapshotAsync(storeId, record, cancellation).ConfigureAwait(false),
                RecordKind.StagedArtifact => await UploadFileAsync(storeId, record.Text!, record.Key!, record.RunId, cancellation).ConfigureAwait(false),
                RecordKind.EndRun => await AttemptAsync(() => store.UpdateRunAsync(storeId, (RunStatus)record.Step, record.Timestamp, cancellationToken: cancellation), cancellation, "end run {RunId}", record.RunId).ConfigureAwait(false),
                _ => false,
            };
            Finish(entry, done);
        }

        await SendBatchAsync(cancellation).ConfigureAwait(false);
    }

    private async Task StartRunAsync(SpoolEntry entry, CancellationToken cancellation)
    {
        var record = entry.Record;
        if (Bindings.ContainsKey(record.RunId))
        {
            Finish(entry, true); // created before the process died, after the confirmed position
            return;
        }

        var start = (RunStart)record.Payload!;
        try
        {
            string storeId;
            if (start.AttachToStoreRunId is { } existing)
            {
                await store.UpdateRunAsync(existing, RunStatus.Running, null, cancellationToken: cancellation).ConfigureAwait(false);
                storeId = existing;
            }
            else
            {
                var experimentId = await ResolveExperimentAsync(start, cancellation).ConfigureAwait(false);
                var tags = new List<RunTag>(start.Tags);
                if (start.ParentRunId is { } parent)
                {
                    if (Bindings.TryGetValue(parent, out var parentStoreId))
                    {
                        tags.Add(new RunTag("mlflow.parentRunId", parentStoreId));
                    }
                    else
                    {
                        reporter.Warn("Run {RunId} is nested in run {ParentRunId}, which the store does not have; it is recorded as a top-level run.", record.RunId, parent);
                    }
                }

                var info = await store.CreateRunAsync(new RunCreation(experimentId, record.RunId, start.RunName, start.UserId, start.StartTime, tags), cancellation).ConfigureAwait(false);
                storeId = info.RunId;
            }

            Bindings[record.RunId] = storeId;
            persistBinding(record.RunId, storeId);
            Finish(entry, true);
        }
        catch (Exception e) when (!Failures.IsTransient(e, cancellation))
        {
            failedRuns.Add(record.RunId);
            Rejected++;
            entry.Done = true;
            reporter.Warn(e, "The store refused to create run {RunId} ({RunName}); its records cannot be recorded: {Reason}", record.RunId, start.RunName, e.Message);
        }
        catch (Exception e)
        {
            throw new StoreUnavailableException(e);
        }
    }

    private async Task<string> ResolveExperimentAsync(RunStart start, CancellationToken cancellation)
    {
        if (start.ExperimentId is { } id)
        {
            return id;
        }

        var name = string.IsNullOrWhiteSpace(start.ExperimentName) ? DefaultExperimentName : start.ExperimentName;
        if (experimentIds.TryGetValue(name, out var known))
        {
            return known;
        }

        var experiment = await store.GetExperimentByNameAsync(name, cancellation).ConfigureAwait(false);
        if (experiment is { LifecycleStage: "deleted" })
        {
            throw new TrackingStoreException("INVALID_STATE", $"The experiment '{name}' is deleted; restore it (mlflow experiments restore) or choose another experiment name.");
        }

        var experimentId = experiment?.ExperimentId ?? await store.CreateExperimentAsync(name, tags: NewExperimentTags, cancellationToken: cancellation).ConfigureAwait(false);
        experimentIds[name] = experimentId;
        return experimentId;
    }

    private async Task SendBatchAsync(CancellationToken cancellation)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var entries = batch.ToArray();
        batch.Clear();
        limits.Clear();
        await SendBatchPartAsync(entries, cancellation).ConfigureAwait(false);
    }

    // A permanent rejection of a batch is bisected until the bad record is alone: only it is skipped.
    private async Task SendBatchPartAsync(ArraySegment<SpoolEntry> entries, CancellationToken cancellation)
    {
        var runId = entries[0].Record.RunId;
        var storeId = Bindings[runId];
        var metrics = new List<Metric>();
        var parameters = new List<Param>();
        var tags = new List<RunTag>();
        foreach (var entry in entries)
        {
            var r = entry.Record;
            switch (r.Kind)
            {
                case RecordKind.Metric:
                    metrics.Add(new Metric(r.Key!, r.Value, r.Timestamp, r.Step));
                    break;
                case RecordKind.Param:
                    parameters.Add(new Param(r.Key!, r.Text ?? string.Empty));
                    break;
                default:
                    tags.Add(new RunTag(r.Key!, r.Text ?? string.Empty));
                    break;
            }
        }

        try
        {
            await store.LogBatchAsync(storeId, metrics, parameters, tags, cancellation).ConfigureAwait(false);
            Batches++;
            foreach (var entry in entries)
            {
                Finish(entry, true);
            }
        }
        catch (Exception e) when (!Failures.IsTransient(e, cancellation))
        {
            if (entries.Count == 1)
            {
                var r = entries[0].Record;
                Rejected++;
                entries[0].Done = true;
                reporter.Warn("The store rejected {Kind} {Key} of run {RunId}; it is skipped: {Reason}", r.Kind.ToString().ToLowerInvariant(), r.Key, r.RunId, e.Message);
                return;
            }

            var half = entries.Count / 2;
            await SendBatchPartAsync(entries[..half], cancellation).ConfigureAwait(false);
            await SendBatchPartAsync(entries[half..], cancellation).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new StoreUnavailableException(e);
        }
    }

    private async Task<bool> UploadPathAsync(string storeId, ExportRecord record, CancellationToken cancellation)
    {
        var local = record.Text!;
        var target = string.IsNullOrEmpty(record.Key) ? string.Empty : record.Key.Trim('/') + "/";
        if (File.Exists(local))
        {
            return await UploadFileAsync(storeId, local, target + Path.GetFileName(local), record.RunId, cancellation).ConfigureAwait(false);
        }

        if (!Directory.Exists(local))
        {
            Rejected++;
            reporter.Warn("Artifact {Path} of run {RunId} no longer exists; it is skipped.", local, record.RunId);
            return true;
        }

        var all = true;
        foreach (var file in Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(local, file).Replace(Path.DirectorySeparatorChar, '/');
            all &= await UploadFileAsync(storeId, file, target + relative, record.RunId, cancellation).ConfigureAwait(false);
        }

        return all;
    }

    // Done (uploaded, or rejected for good) means the copy is no longer needed. A missing copy was uploaded and
    // deleted by an earlier process that died before it could mark the line confirmed.
    private async Task<bool> UploadSnapshotAsync(string storeId, ExportRecord record, CancellationToken cancellation)
    {
        var snapshot = record.Text!;
        if (!File.Exists(snapshot) && !Directory.Exists(snapshot))
        {
            return true;
        }

        var done = await UploadPathAsync(storeId, record, cancellation).ConfigureAwait(false);
        ArtifactSnapshots.Release(snapshot);
        return done;
    }

    private Task<bool> UploadFileAsync(string storeId, string localFile, string artifactPath, string runId, CancellationToken cancellation) =>
        AttemptAsync(
            async () =>
            {
                await using var stream = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                await store.LogArtifactAsync(storeId, artifactPath, stream, cancellation).ConfigureAwait(false);
            },
            cancellation,
            "write artifact {Key} of run {RunId}",
            artifactPath,
            runId);

    /// <summary>Runs one store call: true when done, false when rejected for good (reported); throws when transient.</summary>
    private async Task<bool> AttemptAsync(Func<Task> call, CancellationToken cancellation, string what, params object?[] values)
    {
        try
        {
            await call().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (!Failures.IsTransient(e, cancellation))
        {
            Rejected++;
            reporter.Warn(e, "Could not " + what + "; it is skipped: {Reason}", [.. values, e.Message]);
            return false;
        }
        catch (Exception e)
        {
            throw new StoreUnavailableException(e);
        }
    }

    private void Finish(SpoolEntry entry, bool sent)
    {
        entry.Done = true;
        if (sent)
        {
            Sent++;
        }
    }

    private void Skip(SpoolEntry entry)
    {
        entry.Done = true;
        Rejected++;
        if (!failedRuns.Contains(entry.Record.RunId) && failedRuns.Add(entry.Record.RunId))
        {
            reporter.Warn("Records of run {RunId} are skipped: the store has no such run (its start was not recorded).", entry.Record.RunId);
        }
    }
}
