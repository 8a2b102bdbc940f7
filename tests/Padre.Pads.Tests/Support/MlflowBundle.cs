using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Padre.Pads.Tests.Support;

/// <summary>
/// The real MLflow 3 server + Python client shipped beside the repository (<c>shared/mlflow-server</c>).
/// Tests that need it use <see cref="MlflowFactAttribute"/>, so they say "skipped" where it is absent.
/// </summary>
public static class MlflowBundle
{
    private static readonly Lazy<string?> Location = new(Find);

    /// <summary>The bundle directory, or null when it is not beside this checkout.</summary>
    public static string? Directory => Location.Value;

    /// <summary>Why bundle tests are skipped here, or null when the bundle exists.</summary>
    public static string? SkipReason => Directory is null
        ? "skipped: the real MLflow bundle (shared/mlflow-server) was not found beside this repository; set PADRE_MLFLOW_BUNDLE to its path to run this test"
        : null;

    /// <summary>
    /// Runs a Python script with the bundle's interpreter (mlflow importable) and returns its stdout.
    /// Throws with the script's stderr when it exits non-zero.
    /// </summary>
    public static string RunPython(string script, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var bundle = Directory ?? throw new InvalidOperationException(SkipReason);
        var scriptFile = Path.Combine(Path.GetTempPath(), $"padre-py-{Guid.NewGuid():N}.py");
        File.WriteAllText(scriptFile, script);
        try
        {
            var start = new ProcessStartInfo(Path.Combine(bundle, "python"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            start.ArgumentList.Add(scriptFile);
            start.Environment["MLFLOW_DISABLE_TELEMETRY"] = "true";
            start.Environment["DO_NOT_TRACK"] = "true";
            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[key] = value;
            }

            var (exitCode, stdout, stderr) = Execute(start, timeout ?? TimeSpan.FromMinutes(10));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"python exited with {exitCode}.\n--- stderr ---\n{stderr}\n--- stdout ---\n{stdout}");
            }

            return stdout;
        }
        finally
        {
            File.Delete(scriptFile);
        }
    }

    /// <summary>Starts a real MLflow server on a free loopback port in a fresh work directory.</summary>
    public static MlflowServer StartServer(string? backendStoreUri = null)
    {
        var bundle = Directory ?? throw new InvalidOperationException(SkipReason);
        var workDir = System.IO.Directory.CreateTempSubdirectory("padre-mlflow-server-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(Path.Combine(bundle, "start"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDir,
        };
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add("--dir");
        start.ArgumentList.Add(workDir);
        // A loaded machine (CI on 2 cores, parallel builds) can take minutes to import MLflow.
        start.Environment["MLFLOW_SERVER_START_TIMEOUT"] = "300";
        if (backendStoreUri is not null)
        {
            start.ArgumentList.Add("--backend-store-uri");
            start.ArgumentList.Add(backendStoreUri);
        }

        var (exitCode, stdout, stderr) = Execute(start, TimeSpan.FromMinutes(6));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"the MLflow server did not start (exit {exitCode}).\n{stderr}");
        }

        var uri = stdout.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("MLFLOW_TRACKING_URI=", StringComparison.Ordinal))["MLFLOW_TRACKING_URI=".Length..];
        return new MlflowServer(new Uri(uri), workDir, bundle);
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static (int ExitCode, string Stdout, string Stderr) Execute(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} did not finish within {timeout}.\n{stderr}");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("PADRE_MLFLOW_BUNDLE");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "start")) ? Path.GetFullPath(configured) : null;
        }

        // The bundle lives in shared/ beside the checkout; worktrees sit deeper, so walk up.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "mlflow-server");
            if (File.Exists(Path.Combine(candidate, "start")) && File.Exists(Path.Combine(candidate, "python")))
            {
                return candidate;
            }
        }

        return null;
    }
}
