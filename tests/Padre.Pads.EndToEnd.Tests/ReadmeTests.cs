using System.Diagnostics;
using Padre.Pads.Stores.Mlflow.Sql;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.EndToEnd.Tests;

[Collection(nameof(SampleTests))]
public sealed class ReadmeTests
{
    private static string[] Commands()
    {
        var readme = File.ReadAllLines(Path.Combine(SampleProgram.RepositoryRoot, "README.md"));
        var open = Array.FindIndex(readme, l => l.StartsWith("```", StringComparison.Ordinal));
        var close = Array.FindIndex(readme, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        return readme[(open + 1)..close];
    }

    [Fact]
    public void Readme_starts_with_two_commands_and_ci_runs_the_second()
    {
        var commands = Commands();
        Assert.Equal(2, commands.Length);
        Assert.StartsWith("dotnet run --project samples/", commands[0], StringComparison.Ordinal);
        Assert.StartsWith("dotnet test", commands[1], StringComparison.Ordinal);
        Assert.Contains(commands[1] + " ", File.ReadAllText(Path.Combine(SampleProgram.RepositoryRoot, ".ci", "run")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readme_first_command_trains_and_records_a_run_in_mlflow_db()
    {
        var root = SampleProgram.RepositoryRoot;
        var database = Path.Combine(root, "mlflow.db");
        var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var words = Commands()[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(words[0]) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in words[1..])
        {
            start.ArgumentList.Add(word);
        }

        start.Environment.Remove("MLFLOW_TRACKING_URI");
        var (exitCode, output, errors) = MlflowBundle.Execute(start, TimeSpan.FromMinutes(8));
        Assert.True(exitCode == 0, output + errors);

        await using var store = new SqliteTrackingStore(database, Path.Combine(root, "mlruns"));
        var newest = (await store.SearchRunsAsync(["0"])).Where(r => r.Info.StartTime >= started).ToList();
        var run = Assert.Single(newest);
        Assert.Contains(run.LatestMetrics, m => m.Key == "MicroAccuracy" && m.Value > 0.9);
        Assert.Contains(run.Params, p => p.Key == "SdcaMaximumEntropy.l2Regularization");
    }
}
