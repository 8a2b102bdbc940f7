namespace Padre.Pads.Export;

/// <summary>
/// One thing to record, as the caller's thread hands it over. A struct so that enqueuing a metric or a param
/// allocates nothing; which fields mean what depends on <see cref="Kind"/> (see <see cref="RecordKind"/>).
/// </summary>
internal readonly struct ExportRecord(RecordKind kind, string runId, string? key, string? text = null, double value = 0, long step = 0, long timestamp = 0, object? payload = null)
{
    public RecordKind Kind { get; } = kind;

    /// <summary>The local run id (32 hex).</summary>
    public string RunId { get; } = runId;

    public string? Key { get; } = key;

    public string? Text { get; } = text;

    public double Value { get; } = value;

    public long Step { get; } = step;

    public long Timestamp { get; } = timestamp;

    public object? Payload { get; } = payload;

    public ExportRecord WithKindAndText(RecordKind kind, string? text) => new(kind, RunId, Key, text, Value, Step, Timestamp, Payload);
}
