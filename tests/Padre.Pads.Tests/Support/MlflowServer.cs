using System.Diagnostics;

namespace Padre.Pads.Tests.Support;

/// <summary>A running real MLflow server; disposing stops it and removes its work directory.</summary>
public sealed class MlflowServer : IDisposable
{
    private readonly string bundle;

    internal MlflowServer(Uri trackingUri, string workDirectory, string bundle)
    {
        TrackingUri = trackingUri;
        WorkDirectory = workDirectory;
        this.bundle = bundle;
    }

    /// <summary>The server's base URI (http://127.0.0.1:port).</summary>
    public Uri TrackingUri { get; }

    /// <summary>The server's work directory (mlflow.db, artifacts/, log).</summary>
    public string WorkDirectory { get; }

    /// <summary>Runs a Python script with MLFLOW_TRACKING_URI pointing at this server.</summary>
    public string RunPython(string script, IReadOnlyDictionary<string, string>? environment = null)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
        {
            ["MLFLOW_TRACKING_URI"] = TrackingUri.ToString().TrimEnd('/'),
        };
        return MlflowBundle.RunPython(script, env, WorkDirectory);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var stop = new ProcessStartInfo(Path.Combine(bundle, "stop"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = WorkDirectory,
        };
        stop.ArgumentList.Add("--dir");
        stop.ArgumentList.Add(WorkDirectory);
        try
        {
            MlflowBundle.Execute(stop, TimeSpan.FromSeconds(40));
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying server process only leaves a temp directory behind.
        }
    }
}
