using Padre.Pads.Stores;

namespace Padre.Pads.Loggers;

/// <summary>
/// What a logger may write into: one run. Every call only validates cheaply and enqueues;
/// none waits on I/O and none throws for a bad key or value (it is corrected and reported).
/// </summary>
public interface IRunWriter
{
    /// <summary>The run's local id (32 lowercase hex).</summary>
    string RunId { get; }

    /// <summary>Logs a parameter. Logging the same value again is a no-op; a different value is reported, not thrown.</summary>
    void LogParam(string key, string? value);

    /// <summary>Logs one metric point. <paramref name="timestampMs"/> defaults to now.</summary>
    void LogMetric(string key, double value, long step = 0, long? timestampMs = null);

    /// <summary>Sets a run tag (last value wins).</summary>
    void SetTag(string key, string? value);

    /// <summary>Records a dataset input.</summary>
    void LogInput(DatasetInput input);

    /// <summary>Copies a local file, or a directory recursively, into the run's artifacts under <paramref name="artifactPath"/> (null: the root).</summary>
    void LogArtifact(string localPath, string? artifactPath = null);

    /// <summary>Writes text as an artifact file (UTF-8), e.g. <c>"pipeline/structure.txt"</c>.</summary>
    void LogText(string text, string artifactFile);
}
