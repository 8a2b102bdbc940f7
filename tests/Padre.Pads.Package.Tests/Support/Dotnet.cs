using System.Diagnostics;
using System.Text;

namespace Padre.Pads.Package.Tests.Support;

/// <summary>Runs the dotnet CLI (or a published program) as a child process and keeps its output for assertions.</summary>
internal static class Dotnet
{
    public static string Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Exec("dotnet", workingDirectory, timeout, arguments);

    public static string Exec(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child must use MLflow's default store in its own folder, whatever the test machine has set.
        foreach (var name in new[] { "MLFLOW_TRACKING_URI", "MLFLOW_EXPERIMENT_NAME", "MLFLOW_EXPERIMENT_ID", "MLFLOW_RUN_ID" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{fileName} {string.Join(' ', arguments)}` did not finish in {timeout}:\n{output}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{fileName} {string.Join(' ', arguments)}` exited with {process.ExitCode}:\n{output}");
        }

        lock (output)
        {
            return output.ToString();
        }
    }
}
