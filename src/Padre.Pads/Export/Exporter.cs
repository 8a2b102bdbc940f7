using Padre.Pads.Configuration;
using Padre.Pads.Stores;
using Padre.Pads.Tracking;

namespace Padre.Pads.Export;

/// <summary>
/// The background half of the export path (after OpenTelemetry's BatchExportProcessor): every flush interval, when
/// the queue reaches a batch, or when someone flushes, it drains the queue, appends the records to the spool and
/// sends what the store has not confirmed. While the store is unavailable it backs off (doubling up to
/// <see cref="TrackingOptions.RetryBackoffMax"/>) and the records wait in the spool; the caller never waits for this.
/// Segments of earlier processes are replayed first, and again on <c>Tracker.SyncAsync</c>.
/// </summary>
internal sealed class Exporter : IAsyncDisposable
{
    private readonly TrackingOptions options;
    private readonly Reporter reporter;
    private readonly BackgroundStart start;
    private readonly Dictionary<string, ExportRecord> openRunStarts = new(StringComparer.Ordinal);
    // Opened by the loop as its first act (or by a caller spilling a full queue), not in the constructor: its files are
    // the session's first effect outside the process, and opening them cost the program's thread 3-6 ms at its first
    // hooked call. Null until then, and for good when no spool directory is writable (tracking is then off).
    private Spool? spool;
    private ArtifactSnapshots? snapshots;
    private volatile bool spoolUnwritable;
    private readonly object spoolGate = new();
    private readonly List<ExportRecord> drainBuffer = [];
    private readonly List<SpoolEntry> pending = [];
    private readonly List<FlushRequest> requests = [];
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stopping = new();
    private Task loop = Task.CompletedTask;
    private int started;
    private ITrackingStore? store;
    private StoreWriter? writer;
    private TimeSpan backoff;
    private long nextAttemptTicks;
    private bool storeAvailable = true;
    private bool outageReported;
    private long spilled;
    private SyncReport lastReplay = SyncReport.Empty;
    private int disposed;

    /// <param name="options">The options.</param>
    /// <param name="reporter">Where problems are reported.</param>
    /// <param name="start">When the first cycle (replay, store) may run: the loop opens it when its delay has passed; a
    /// flush, a sync, a queue half full or disposal open it early.</param>
    /// <param name="startLoop">False: <see cref="Start"/> starts it later (a session prepared ahead of its first use);
    /// benchmarks that measure the caller's side alone never start it.</param>
    public Exporter(TrackingOptions options, Reporter reporter, BackgroundStart start, bool startLoop = true)
    {
        this.options = options;
        this.reporter = reporter;
        this.start = start;
        Queue = new RecordQueue(options.QueueCapacity, Wake);
        backoff = options.RetryBackoffMin;
        if (startLoop)
        {
            Start();
        }
    }

    public RecordQueue Queue { get; }

    /// <summary>
    /// Copies of logged artifacts, taken on the caller's thread; they live beside the spool, so asking for them opens
    /// it if the loop has not yet. Null when no spool directory is writable.
    /// </summary>
    public ArtifactSnapshots? Snapshots
    {
        get
        {
            lock (spoolGate)
            {
                return TryOpenSpool() ? snapshots : null;
            }
        }
    }

    /// <summary>True when no spool directory was writable: nothing is recorded, and tracking is off for this process.</summary>
    public bool SpoolUnwritable => spoolUnwritable;

    /// <summary>Records written straight to the spool by callers because the queue stayed full.</summary>
    public long Spilled => Interlocked.Read(ref spilled);

    public long Sent => writer?.Sent ?? 0;

    public long Rejected => writer?.Rejected ?? 0;

    public long Batches => writer?.Batches ?? 0;

    /// <summary>This process's spool segment (opened if it was not yet); empty when no spool directory is writable.</summary>
    public string SpoolSegmentName
    {
        get
        {
            lock (spoolGate)
            {
                return TryOpenSpool() ? spool!.Name : string.Empty;
            }
        }
    }

    /// <summary>Segment size after which a fully confirmed segment is replaced by a fresh one.</summary>
    internal long RotateAfterBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The caller's side: enqueue, or when the queue stays full past the wait, spill to the spool on this thread.</summary>
    public void Submit(in ExportRecord record)
    {
        if (spoolUnwritable)
        {
            return; // reported once, when the spool could not be opened
        }

        if (Queue.TryEnqueue(record, options.QueueFullWait))
        {
            return;
        }

        lock (spoolGate)
        {
            // Draining first keeps order: everything queued before this record reaches the spool before it.
            drainBuffer.Clear();
            Queue.DrainTo(drainBuffer);
            drainBuffer.Add(record);
            AppendDrained();
        }

        if (Interlocked.Increment(ref spilled) is 1 or 10_000 or 1_000_000)
        {
            reporter.Warn("The tracking queue is full ({Capacity} records): {Spilled} records so far were written straight to the spool on the caller's thread. Raise PADRE_QUEUE_CAPACITY or log less often.", Queue.Capacity, Spilled);
        }
    }

    /// <summary>Waits until the records submitted so far are confirmed (or, unless <paramref name="requireSent"/>, durable while the store is away).</summary>
    public async Task<bool> FlushAsync(TimeSpan timeout, bool requireSent, CancellationToken cancellation = default) =>
        await WaitAsync(timeout, requireSent, cancellation).ConfigureAwait(false) == true;

    /// <summary>Waits until the records submitted so far are at least in the spool; false on timeout, or when no spool directory is writable.</summary>
    public async Task<bool> SpoolAsync(TimeSpan timeout, CancellationToken cancellation = default) =>
        await WaitAsync(timeout, requireSent: false, cancellation).ConfigureAwait(false) is not null;

    // true: confirmed by the store; false: durable in the spool while the store is away; null: timed out, or nothing can
    // be recorded (no spool directory is writable).
    private async Task<bool?> WaitAsync(TimeSpan timeout, bool requireSent, CancellationToken cancellation)
    {
        var request = new FlushRequest(requireSent, replay: false);
        lock (requests)
        {
            requests.Add(request);
        }

        if (spoolUnwritable)
        {
            return null; // the loop has stopped; nothing will be recorded
        }

        start.Open();
        Wake();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var confirmed = await request.Completion.Task.WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            return !confirmed && spoolUnwritable ? null : confirmed;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Sends what is pending now (ignoring back-off), replays earlier processes' segments, and reports.</summary>
    public async Task<SyncReport> SyncAsync(CancellationToken cancellation)
    {
        var request = new FlushRequest(requireSent: false, replay: true);
        lock (requests)
        {
            requests.Add(request);
        }

        if (spoolUnwritable)
        {
            return lastReplay with { StoreAvailable = false };
        }

        start.Open();
        Wake();
        await request.Completion.Task.WaitAsync(cancellation).ConfigureAwait(false);
        int pendingCount;
        lock (pending)
        {
            pendingCount = pending.Count(e => !e.Done);
        }

        return lastReplay with { PendingRecords = pendingCount, StoreAvailable = storeAvailable };
    }

    public void Wake()
    {
        if (!start.IsOpen && Queue.Count >= Queue.Capacity / 2)
        {
            // Holding back further would leave callers waiting for room, then spilling to the spool themselves.
            start.Open();
        }

        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    /// <summary>Starts the loop (once): it opens the spool first, then holds back the store's work (<see cref="BackgroundStart"/>).</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref started, 1) == 0)
        {
            loop = Tracker.Pool.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        bool opened;
        lock (spoolGate)
        {
            opened = TryOpenSpool();
        }

        if (!opened)
        {
            return;
        }

        try
        {
            await HoldBackAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return; // abandoned before the first cycle: what reached the spool is replayed by the next process
        }

        var first = true;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!first)
                {
                    // While backing off, wake for the retry even when the flush interval is longer.
                    var wait = options.FlushInterval;
                    if (!storeAvailable)
                    {
                        var untilRetry = TimeSpan.FromMilliseconds(Math.Max(1, nextAttemptTicks - Environment.TickCount64));
                        wait = untilRetry < wait ? untilRetry : wait;
                    }

                    await wake.WaitAsync(wait, stopping.Token).ConfigureAwait(false);
                }

                await CycleAsync(replay: first).ConfigureAwait(false);
                first = false;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A bug here must not end tracking silently, nor spin.
                reporter.Warn(e, "The tracking exporter hit an unexpected error; it keeps the records in the spool and retries: {Reason}", e.Message);
                await Task.Delay(options.RetryBackoffMin, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    // Until the session's background work may begin, records still reach the spool every flush interval, so a killed
    // process loses no more than it would otherwise; only the store (its creation, the replay, the writes) waits. This
    // loop is also what opens the start once its delay has passed.
    private async Task HoldBackAsync()
    {
        while (!start.IsOpen)
        {
            var remaining = start.Remaining;
            var wait = remaining < options.FlushInterval ? remaining : options.FlushInterval;
            await Task.WhenAny(start.Opened, Task.Delay(wait, stopping.Token)).ConfigureAwait(false);
            stopping.Token.ThrowIfCancellationRequested();
            SpoolQueued();
            start.OpenIfDue();
        }
    }

    private void SpoolQueued()
    {
        lock (spoolGate)
        {
            drainBuffer.Clear();
            Queue.DrainTo(drainBuffer);
            AppendDrained();
        }
    }

    // The loop's and the writer's view: the loop runs only once the spool is open.
    private Spool OpenSpoolOfLoop => spool ?? throw new InvalidOperationException("The spool is not open.");

    private async Task CycleAsync(bool replay)
    {
        var spool = OpenSpoolOfLoop;
        List<FlushRequest> taken;
        lock (requests)
        {
            taken = [.. requests];
        }

        SpoolQueued();

        lock (pending)
        {
            var before = pending.Count;
            spool.TakeAppended(pending);
            for (var i = before; i < pending.Count; i++)
            {
                var record = pending[i].Record;
                if (record.Kind == RecordKind.StartRun)
                {
                    openRunStarts[record.RunId] = record;
                }
                else if (record.Kind == RecordKind.EndRun)
                {
                    openRunStarts.Remove(record.RunId);
                }
            }
        }

        var target = spool.LineCount;
        foreach (var request in taken.Where(r => r.Target < 0))
        {
            request.Target = target;
        }

        var force = taken.Any(r => r.Replay);
        replay |= force;
        if (force || Environment.TickCount64 >= nextAttemptTicks)
        {
            await SendAsync(replay).ConfigureAwait(false);
        }

        long confirmed;
        lock (pending)
        {
            var firstOpen = pending.FindIndex(e => !e.Done);
            confirmed = firstOpen < 0 ? spool.LineCount : pending[firstOpen].Line;
            pending.RemoveRange(0, firstOpen < 0 ? pending.Count : firstOpen);
        }

        spool.Confirm(confirmed);
        RotateWhenBig();
        lock (requests)
        {
            foreach (var request in taken)
            {
                if (request.Target >= 0 && confirmed >= request.Target)
                {
                    request.Completion.TrySetResult(true);
                }
                else if (!request.RequireSent && !storeAvailable)
                {
                    request.Completion.TrySetResult(false);
                }
                else if (request.Replay)
                {
                    request.Completion.TrySetResult(false);
                }

                if (request.Completion.Task.IsCompleted)
                {
                    requests.Remove(request);
                }
            }

            // Requests whose callers gave up are removed too.
            requests.RemoveAll(r => r.Completion.Task.IsCompleted);
        }
    }

    private async Task SendAsync(bool replay)
    {
        var spool = OpenSpoolOfLoop;
        try
        {
            var current = EnsureWriter();
            if (replay)
            {
                var replayed = await new SpoolReplay(current, reporter).ReplayAsync(spool.Directory, spool.Name, stopping.Token).ConfigureAwait(false);
                lastReplay = lastReplay.Add(replayed);
                if (replayed.StoreAvailable && OnlyOwnSegmentLeft())
                {
                    ArtifactSnapshots.DeleteAbandoned(spool.Directory, snapshots!.Directory);
                }
                if (!lastReplay.StoreAvailable)
                {
                    throw new StoreUnavailableException(new IOException($"{lastReplay.SegmentsRemaining} spool segments of earlier processes wait for the store."));
                }
            }

            SpoolEntry[] open;
            lock (pending)
            {
                open = [.. pending.Where(e => !e.Done)];
            }

            if (open.Length > 0)
            {
                await current.SendAsync(open, stopping.Token).ConfigureAwait(false);
            }

            if (!storeAvailable && outageReported)
            {
                reporter.Warn("The tracking store {TrackingUri} is reachable again; spooled records are being sent.", options.TrackingUri.ToString());
            }

            storeAvailable = true;
            outageReported = false;
            backoff = options.RetryBackoffMin;
        }
        catch (StoreUnavailableException e)
        {
            storeAvailable = false;
            nextAttemptTicks = Environment.TickCount64 + (long)backoff.TotalMilliseconds;
            if (!outageReported)
            {
                outageReported = true;
                reporter.Warn("The tracking store {TrackingUri} is unavailable ({Reason}); records are kept in the spool {SpoolDirectory} and sent when it is back (or by `padre sync`).", options.TrackingUri.ToString(), e.Message, spool.Directory);
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.RetryBackoffMax.Ticks));
        }
    }

    // Only when every line is confirmed, so no entry or flush request refers to the old segment's line numbers.
    private void RotateWhenBig()
    {
        var current = OpenSpoolOfLoop;
        if (current.Bytes < RotateAfterBytes)
        {
            return;
        }

        lock (spoolGate)
        {
            lock (pending)
            {
                if (pending.Count > 0 || current.HasUntaken)
                {
                    return;
                }
            }

            var next = new Spool(current.Directory);
            next.CarryOver(openRunStarts.Values.Select(start => (start, writer?.Bindings.GetValueOrDefault(start.RunId))));
            spool = next;
            current.Close();
        }
    }

    // Snapshots of a dead process are referenced only by its segments: with none left (nor any being replayed by
    // another process, nor a live one's), the ones still on disk were never spooled and can go.
    private bool OnlyOwnSegmentLeft()
    {
        var spool = OpenSpoolOfLoop;
        return Directory.EnumerateFiles(spool.Directory, "*.spool").All(file => Path.GetFileNameWithoutExtension(file) == spool.Name);
    }

    // Under spoolGate. The spool directory, else the fallback; when neither is writable, tracking is off for the
    // process as it was when this was found at the session's start: what was queued is let go, and every flush
    // request is answered at once (unconfirmed), so nobody waits for a loop that has stopped.
    private bool TryOpenSpool()
    {
        if (spool is not null)
        {
            return true;
        }

        if (spoolUnwritable)
        {
            return false;
        }

        var directory = options.ResolveSpoolDirectory();
        try
        {
            spool = OpenSpool(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Warn(e, "Tracking is off for this process: no spool directory is writable ({Reason}). Set PADRE_SPOOL_DIR to a writable directory.", e.Message);
            spoolUnwritable = true;
            Queue.DrainTo(drainBuffer);
            drainBuffer.Clear();
            lock (requests)
            {
                foreach (var request in requests)
                {
                    request.Completion.TrySetResult(false);
                }

                requests.Clear();
            }

            return false;
        }

        snapshots = new ArtifactSnapshots(spool.Directory, spool.Name, options.ArtifactSnapshotMaxBytes);
        return true;
    }

    private Spool OpenSpool(string directory)
    {
        try
        {
            return new Spool(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var fallback = options.SpoolFallbackDirectory ?? Path.Combine(Path.GetTempPath(), "padre-spool");
            reporter.Warn("The spool directory {SpoolDirectory} cannot be used ({Reason}); records are spooled in {Fallback} instead. Set PADRE_SPOOL_DIR to a writable directory.", directory, e.Message, fallback);
            return new Spool(fallback);
        }
    }

    private StoreWriter EnsureWriter()
    {
        if (writer is not null)
        {
            return writer;
        }

        try
        {
            store = (options.StoreFactory ?? DefaultStoreFactory.Create)(options.TrackingUri, options);
        }
        catch (Exception e)
        {
            throw new StoreUnavailableException(e);
        }

        writer = new StoreWriter(store, reporter, (local, storeId) => OpenSpoolOfLoop.AppendBinding(local, storeId));
        foreach (var (local, storeId) in SpoolSegment.ReadAllBindings(OpenSpoolOfLoop.Directory))
        {
            writer.Bindings.TryAdd(local, storeId);
        }

        return writer;
    }

    // Under spoolGate.
    private void AppendDrained()
    {
        if (!TryOpenSpool())
        {
            drainBuffer.Clear();
            return;
        }

        try
        {
            spool!.Append(drainBuffer);
        }
        catch (ObjectDisposedException)
        {
            // The session is closing; records submitted after close are reported by the session.
        }
        catch (IOException e)
        {
            // A full disk must not crash the program: the records stay in memory for the store.
            reporter.Warn(e, "Could not write {Count} records to the spool {SpoolDirectory}: {Reason}", drainBuffer.Count, spool!.Directory, e.Message);
        }

        drainBuffer.Clear();
    }

    /// <summary>Final flush bounded by <see cref="TrackingOptions.FlushTimeout"/>, then stop; the segment stays when records are unsent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        start.Open();

        var sent = await FlushAsync(options.FlushTimeout, requireSent: true).ConfigureAwait(false);
        await StopAsync().ConfigureAwait(false);
        lock (spoolGate)
        {
            spool?.Close();
            snapshots?.Close(everythingConfirmed: sent);
        }
    }

    /// <summary>Stops as a killed process would: no flush, nothing confirmed or deleted (crash tests).</summary>
    internal async Task AbandonAsync()
    {
        Interlocked.Exchange(ref disposed, 1);
        await StopAsync().ConfigureAwait(false);
        lock (spoolGate)
        {
            spool?.Abandon();
            snapshots?.Dispose();
        }
    }

    private async Task StopAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        if (store is not null)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
