namespace Padre.Pads.Export;

/// <summary>A caller waiting for the exporter: until its records are confirmed, or (when <see cref="RequireSent"/> is false) durable in the spool while the store is away.</summary>
internal sealed class FlushRequest(bool requireSent, bool replay)
{
    public bool RequireSent { get; } = requireSent;

    /// <summary>Also replay earlier processes' segments now (<c>Tracker.SyncAsync</c>).</summary>
    public bool Replay { get; } = replay;

    /// <summary>The spool line count every record accepted before the request reached; set by the exporter.</summary>
    public long Target { get; set; } = -1;

    public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
