using Padre.Pads.Tracking;

namespace Padre.Pads.Export;

/// <summary>
/// Replays segments of earlier processes into the store, oldest first: their unconfirmed records in order, into
/// the store runs bound to them; then a run that started but never ended (its process was killed) ends KILLED with
/// the time of its last record. A run that ended keeps the status it ended with.
/// </summary>
internal sealed class SpoolReplay(StoreWriter writer, Reporter reporter)
{
    public async Task<SyncReport> ReplayAsync(string directory, string ownSegment, CancellationToken cancellation)
    {
        int replayed = 0, remaining = 0, killed = 0;
        long sentBefore = writer.Sent, rejectedBefore = writer.Rejected;
        var unavailable = false;
        foreach (var segment in SpoolSegment.ClaimDead(directory, ownSegment))
        {
            using (segment)
            {
                if (unavailable)
                {
                    remaining++;
                    continue;
                }

                if (segment.CorruptLines > 0)
                {
                    reporter.Warn("Spool segment {Segment} has {Count} unreadable lines (torn by a crash or damaged); they are skipped.", Path.GetFileName(segment.Path), segment.CorruptLines);
                }

                foreach (var (local, storeId) in segment.Bindings)
                {
                    writer.Bindings.TryAdd(local, storeId);
                }

                try
                {
                    await writer.SendAsync(segment.Entries, cancellation).ConfigureAwait(false);
                    foreach (var run in segment.Started.Where(r => !segment.Ended.Contains(r)))
                    {
                        var end = segment.LastTimestamp.GetValueOrDefault(run, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                        if (await writer.KillAsync(run, end, cancellation).ConfigureAwait(false))
                        {
                            killed++;
                        }
                    }

                    segment.Complete();
                    replayed++;
                }
                catch (StoreUnavailableException)
                {
                    var firstOpen = segment.Entries.FindIndex(e => !e.Done);
                    if (firstOpen > 0)
                    {
                        segment.SavePosition(segment.Entries[firstOpen].Line);
                    }

                    unavailable = true;
                    remaining++;
                }
            }
        }

        return new SyncReport(replayed, remaining, writer.Sent - sentBefore, writer.Rejected - rejectedBefore, killed, StoreAvailable: !unavailable);
    }
}
