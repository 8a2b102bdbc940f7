using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>Passes a logger's writes on with every text value put through the <see cref="SecretRedactor"/>.</summary>
/// <remarks>
/// Files copied with <see cref="LogArtifact"/> are passed on as they are (they may be binary); the run loggers
/// therefore write anything textual (diffs, sources, console output) with <see cref="LogText"/>.
/// The redactor is made at the first text that needs it: a logger whose start writes nothing (console, resources) then
/// does not read the environment at the run's start, on a thread that competes with the program's.
/// </remarks>
internal sealed class RedactingRunWriter(IRunWriter inner, Lazy<SecretRedactor> secrets) : IRunWriter
{
    private SecretRedactor Redactor => secrets.Value;

    public string RunId => inner.RunId;

    public void LogParam(string key, string? value) => inner.LogParam(key, value is null ? null : Redactor.Redact(value));

    public void LogMetric(string key, double value, long step = 0, long? timestampMs = null) => inner.LogMetric(key, value, step, timestampMs);

    public void SetTag(string key, string? value) => inner.SetTag(key, value is null ? null : Redactor.Redact(value));

    public void LogInput(DatasetInput input) => inner.LogInput(input);

    public void LogArtifact(string localPath, string? artifactPath = null) => inner.LogArtifact(localPath, artifactPath);

    public void LogText(string text, string artifactFile) => inner.LogText(Redactor.Redact(text), artifactFile);
}
