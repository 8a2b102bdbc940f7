namespace Padre.Pads;

/// <summary>
/// Spool segments of earlier processes replayed into the store since tracking started in this process (at start,
/// in the background, and by each <c>Tracker.SyncAsync</c>), and what is still waiting.
/// </summary>
/// <param name="SegmentsReplayed">Segments fully sent (and deleted).</param>
/// <param name="SegmentsRemaining">Segments still waiting (the store was unavailable, or they are being replayed elsewhere).</param>
/// <param name="RecordsSent">Records the store confirmed during the replay.</param>
/// <param name="RecordsRejected">Records the store rejected for good (each was reported).</param>
/// <param name="RunsKilled">Replayed runs that never ended, now ended as KILLED.</param>
/// <param name="PendingRecords">Records of this process still waiting for the store.</param>
/// <param name="StoreAvailable">Whether the store answered at the last attempt.</param>
public sealed record SyncReport(
    int SegmentsReplayed,
    int SegmentsRemaining,
    long RecordsSent,
    long RecordsRejected,
    int RunsKilled,
    int PendingRecords = 0,
    bool StoreAvailable = true)
{
    internal static SyncReport Empty { get; } = new(0, 0, 0, 0, 0);

    // Remaining and availability are the latest attempt's; the rest add up.
    internal SyncReport Add(SyncReport next) => new(
        SegmentsReplayed + next.SegmentsReplayed,
        next.SegmentsRemaining,
        RecordsSent + next.RecordsSent,
        RecordsRejected + next.RecordsRejected,
        RunsKilled + next.RunsKilled,
        next.PendingRecords,
        next.StoreAvailable);
}
