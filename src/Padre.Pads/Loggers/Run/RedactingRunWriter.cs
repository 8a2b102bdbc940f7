using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>Passes a logger's writes on with every text value put through the <see cref="SecretRedactor"/>.</summary>
/// <remarks>
/// Files copied with <see cref="LogArtifact"/> are passed on as they are (they may be binary); the run loggers
/// therefore write anything textual (diffs, sources, console output) with <see cref="LogText"/>.
/// </remarks>
internal sealed class RedactingRunWriter(IRunWriter inner, SecretRedactor redactor) : IRunWriter
{
    public string RunId => inner.RunId;

    public void LogParam(string key, string? value) => inner.LogParam(key, value is null ? null : redactor.Redact(value));

    public void LogMetric(string key, double value, long step = 0, long? timestampMs = null) => inner.LogMetric(key, value, step, timestampMs);

    public void SetTag(string key, string? value) => inner.SetTag(key, value is null ? null : redactor.Redact(value));

    public void LogInput(DatasetInput input) => inner.LogInput(input);

    public void LogArtifact(string localPath, string? artifactPath = null) => inner.LogArtifact(localPath, artifactPath);

    public void LogText(string text, string artifactFile) => inner.LogText(redactor.Redact(text), artifactFile);
}
