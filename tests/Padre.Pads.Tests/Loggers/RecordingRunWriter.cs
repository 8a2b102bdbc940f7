using System.Collections.Concurrent;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Loggers;

/// <summary>An <see cref="IRunWriter"/> that keeps everything written, for checking what loggers record.</summary>
internal sealed class RecordingRunWriter(string runId = "0123456789abcdef0123456789abcdef") : IRunWriter
{
    private readonly ConcurrentQueue<(string Key, double Value, long Step)> _metrics = new();

    public string RunId { get; } = runId;

    public ConcurrentDictionary<string, string?> Tags { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string?> Params { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string LocalPath, string? ArtifactPath)> Artifacts { get; } = new();

    public IReadOnlyList<(string Key, double Value, long Step)> Metrics => _metrics.ToArray();

    public void LogParam(string key, string? value) => Params[key] = value;

    public void LogMetric(string key, double value, long step = 0, long? timestampMs = null) => _metrics.Enqueue((key, value, step));

    public void SetTag(string key, string? value) => Tags[key] = value;

    public void LogInput(DatasetInput input)
    {
    }

    public void LogArtifact(string localPath, string? artifactPath = null) => Artifacts.Enqueue((localPath, artifactPath));

    public void LogText(string text, string artifactFile) => Texts[artifactFile] = text;

    public string Tag(string key) => Tags.TryGetValue(key, out var value) && value is not null
        ? value
        : throw new Xunit.Sdk.XunitException($"tag {key} not written; written: {string.Join(", ", Tags.Keys.Order())}");

    /// <summary>Everything written, in one string, for "this secret appears nowhere" checks.</summary>
    public string Everything() =>
        string.Join("\n", Tags.Select(t => t.Key + "=" + t.Value)
            .Concat(Params.Select(p => p.Key + "=" + p.Value))
            .Concat(Texts.Select(t => t.Key + "\n" + t.Value))
            .Concat(Metrics.Select(m => m.Key)));
}
