namespace Padre.Pads.Export;

/// <summary>
/// The bounded hand-over between callers and the exporter: a ring of <see cref="ExportRecord"/> structs behind one
/// lock, so an enqueue allocates nothing and costs an uncontended lock. When it is full, a caller waits at most
/// <c>QueueFullWait</c> for room; if none comes, <see cref="TryEnqueue"/> returns false and the caller spills its
/// record to the spool itself (never dropped). The exporter is woken when the queue reaches its batch threshold.
/// The ring starts small and takes its full capacity once that fills: a full-size ring is megabytes on the large-object
/// heap (zeroed on the caller's thread, and enough to bring on a full collection in a short program), which a program
/// that logs a few dozen records never needs; one that logs more pays it once, not per call.
/// </summary>
internal sealed class RecordQueue
{
    private readonly object gate = new();
    private const int InitialSize = 256;
    private readonly int capacity;
    private ExportRecord[] ring;
    private readonly int wakeThreshold;
    private readonly Action wakeExporter;
    private int head;
    private int count;
    private int waitingWriters;

    public RecordQueue(int capacity, Action wakeExporter)
    {
        this.capacity = capacity;
        ring = new ExportRecord[Math.Min(capacity, InitialSize)];
        wakeThreshold = Math.Max(1, Math.Min(capacity / 2, MlflowBatchSize));
        this.wakeExporter = wakeExporter;
    }

    // A full log-batch worth of records is a good moment to send without waiting for the interval.
    private const int MlflowBatchSize = 1000;

    public int Capacity => capacity;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    public bool TryEnqueue(in ExportRecord record, TimeSpan waitWhenFull)
    {
        bool wake;
        lock (gate)
        {
            if (count == ring.Length && ring.Length < capacity)
            {
                Grow();
            }

            if (count == ring.Length)
            {
                if (waitWhenFull <= TimeSpan.Zero)
                {
                    return false;
                }

                var deadline = Environment.TickCount64 + (long)waitWhenFull.TotalMilliseconds;
                waitingWriters++;
                try
                {
                    wakeExporter();
                    while (count == ring.Length)
                    {
                        var left = deadline - Environment.TickCount64;
                        if (left <= 0 || !Monitor.Wait(gate, (int)left))
                        {
                            if (count == ring.Length)
                            {
                                return false;
                            }
                        }
                    }
                }
                finally
                {
                    waitingWriters--;
                }
            }

            ring[(head + count) % ring.Length] = record;
            count++;
            // Also at half the bound: an exporter still holding back for the program's start-up begins then.
            wake = count == wakeThreshold || count == capacity / 2;
        }

        if (wake)
        {
            wakeExporter();
        }

        return true;
    }

    // Under the gate: the records keep their order, from index 0 of the new ring.
    private void Grow()
    {
        var grown = new ExportRecord[capacity];
        for (var i = 0; i < count; i++)
        {
            grown[i] = ring[(head + i) % ring.Length];
        }

        ring = grown;
        head = 0;
    }

    // Callers wait for the lock while the exporter copies; short holds keep their wait short under load.
    private const int DrainChunk = 4096;

    /// <summary>Moves every queued record, in order, into <paramref name="into"/> (in chunks, releasing the lock between them).</summary>
    public int DrainTo(List<ExportRecord> into)
    {
        var total = 0;
        int n;
        do
        {
            n = DrainChunkTo(into);
            total += n;
        }
        while (n == DrainChunk);

        return total;
    }

    private int DrainChunkTo(List<ExportRecord> into)
    {
        lock (gate)
        {
            var n = Math.Min(count, DrainChunk);
            for (var i = 0; i < n; i++)
            {
                var index = (head + i) % ring.Length;
                into.Add(ring[index]);
                ring[index] = default;
            }

            head = (head + n) % ring.Length;
            count -= n;
            if (waitingWriters > 0 && n > 0)
            {
                Monitor.PulseAll(gate);
            }

            return n;
        }
    }
}
