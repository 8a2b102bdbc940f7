using System.Diagnostics;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.EndToEnd.Tests;

/// <summary>A built sample program, run as a user runs it: in a directory of its own, with no tracking settings.</summary>
internal static class SampleProgram
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Runs the sample's built program with <paramref name="workingDirectory"/> as its current directory.</summary>
    public static (int ExitCode, string Output, string Errors) Run(string sample, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(RepositoryRoot, "samples", sample, "bin", Configuration, "net10.0", sample + ".dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the sample is built with the solution (dotnet build Padre.Pads.sln).");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var key in new[] { "MLFLOW_TRACKING_URI", "MLFLOW_EXPERIMENT_NAME", "MLFLOW_EXPERIMENT_ID", "MLFLOW_RUN_ID", "PADRE_DISABLED" })
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return MlflowBundle.Execute(start, TimeSpan.FromMinutes(5));
    }

    private static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Padre.Pads.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Padre.Pads.sln not found above the test binaries.");
    }
}
