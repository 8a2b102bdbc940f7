using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.MLNet.Tests.Support;

/// <summary>An <see cref="IRunWriter"/> that keeps everything written, for assertions.</summary>
internal sealed class RecordingRunWriter : IRunWriter
{
    public string RunId { get; } = Guid.NewGuid().ToString("N");
    public Dictionary<string, string?> Params { get; } = new(StringComparer.Ordinal);
    public List<Metric> Metrics { get; } = [];
    public Dictionary<string, string?> Tags { get; } = new(StringComparer.Ordinal);
    public List<DatasetInput> Inputs { get; } = [];
    public Dictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);

    /// <summary>Artifacts copied from files: artifact path → file bytes read at the time of the call.</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public void LogParam(string key, string? value) => Params[key] = value;

    public void LogMetric(string key, double value, long step = 0, long? timestampMs = null) =>
        Metrics.Add(new Metric(key, value, timestampMs ?? 0, step));

    public void SetTag(string key, string? value) => Tags[key] = value;

    public void LogInput(DatasetInput input) => Inputs.Add(input);

    public void LogArtifact(string localPath, string? artifactPath = null)
    {
        var prefix = string.IsNullOrEmpty(artifactPath) ? "" : artifactPath.TrimEnd('/') + "/";
        if (Directory.Exists(localPath))
        {
            foreach (var file in Directory.EnumerateFiles(localPath, "*", SearchOption.AllDirectories))
                Files[prefix + Path.GetRelativePath(localPath, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        }
        else
        {
            Files[prefix + Path.GetFileName(localPath)] = File.ReadAllBytes(localPath);
        }
    }

    public void LogText(string text, string artifactFile) => Texts[artifactFile] = text;

    public double Metric(string key) => Metrics.Single(m => m.Key == key).Value;

    public IReadOnlyList<Metric> History(string key) => Metrics.Where(m => m.Key == key).OrderBy(m => m.Step).ToList();
}
