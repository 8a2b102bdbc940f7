namespace Padre.Pads.Export;

/// <summary>
/// What the exporter of this process has done with the records logged so far. A flush that returns true means every
/// record was either confirmed or rejected for good; compare <see cref="Rejected"/> before and after to tell which.
/// </summary>
/// <param name="Confirmed">Records the store confirmed.</param>
/// <param name="Rejected">Records the store refused for good (each one was reported through the SDK's log).</param>
/// <param name="Spilled">Records written straight to the spool on the caller's thread because the queue stayed full.</param>
public readonly record struct DeliveryCounts(long Confirmed, long Rejected, long Spilled);
