using System.Collections.Concurrent;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.Generators.Tests.Support;

/// <summary>A tracker stand-in that records what the hooks write, run by run.</summary>
internal sealed class RecordingHost : IHookHost, IDisposable
{
    private readonly AsyncLocal<RecordingRun?> _current = new();

    public RecordingHost()
    {
        Root = new RecordingRun("root", null, null);
        Interception.Attach(this);
    }

    public RecordingRun Root { get; }

    public ConcurrentQueue<RecordingRun> Runs { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    public bool IsEnabled => true;

    public IRunWriter? ActiveOrAutoStartedRun() => _current.Value ?? Root;

    public IRunScope StartRun(string runName, string? experimentName)
    {
        var parent = _current.Value ?? Root;
        var run = new RecordingRun(runName, experimentName, parent);
        Runs.Enqueue(run);
        _current.Value = run;
        return new Scope(this, run, parent);
    }

    public void ReportTrackingError(string message, Exception exception) => Errors.Enqueue(message + ": " + exception);

    public void Dispose() => Interception.Attach(null);

    private sealed class Scope(RecordingHost host, RecordingRun run, RecordingRun parent) : IRunScope
    {
        public IRunWriter Writer => run;

        public void End(RunStatus status)
        {
            run.Status = status;
            host._current.Value = parent == host.Root ? null : parent;
        }
    }
}

/// <summary>Everything written into one run.</summary>
internal sealed class RecordingRun(string name, string? experiment, RecordingRun? parent) : IRunWriter
{
    public string Name { get; } = name;

    public string? Experiment { get; } = experiment;

    public RecordingRun? Parent { get; } = parent;

    public RunStatus Status { get; set; } = RunStatus.Running;

    public string RunId { get; } = Guid.NewGuid().ToString("N");

    public ConcurrentDictionary<string, string?> Params { get; } = new();

    public ConcurrentQueue<(string Key, double Value, long Step)> Metrics { get; } = new();

    public ConcurrentDictionary<string, string?> Tags { get; } = new();

    public ConcurrentQueue<DatasetInput> Inputs { get; } = new();

    public ConcurrentDictionary<string, string> Texts { get; } = new();

    public void LogParam(string key, string? value) => Params[key] = value;

    public void LogMetric(string key, double value, long step = 0, long? timestampMs = null) => Metrics.Enqueue((key, value, step));

    public void SetTag(string key, string? value) => Tags[key] = value;

    public void LogInput(DatasetInput input) => Inputs.Enqueue(input);

    public void LogArtifact(string localPath, string? artifactPath = null) => Texts[artifactPath ?? Path.GetFileName(localPath)] = localPath;

    public void LogText(string text, string artifactFile) => Texts[artifactFile] = text;

    public double Metric(string key) => Metrics.Where(m => m.Key == key).Select(m => m.Value).DefaultIfEmpty(double.NaN).Last();
}
