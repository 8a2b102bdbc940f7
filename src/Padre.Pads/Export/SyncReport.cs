namespace Padre.Pads;

/// <summary>What <c>Tracker.SyncAsync</c> did: spool segments of earlier processes replayed into the store.</summary>
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
}
