using System.Text;
using Padre.Pads.Loggers;
using Padre.Pads.Loggers.Run;
using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Loggers;

/// <summary>The default loggers inside a real tracking session: what reaches the store, and that MLflow would accept it.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class TrackedRunTests
{
    [Fact]
    public async Task A_tracked_run_stores_git_machine_and_system_metrics_of_this_process()
    {
        await using var t = RecordingSession.Start();
        foreach (var logger in DefaultRunLoggers.Create(["console"]))
            t.Session.AddRunLogger(logger);
        using (var run = t.Session.StartRun("with-default-loggers", null, null))
            run.LogMetric("loss", 0.5);
        Assert.True(t.Flush());

        var stored = t.Store.RunNamed("with-default-loggers");
        Assert.DoesNotContain(stored.Tags.Keys, key => key.EndsWith(".error", StringComparison.Ordinal));
        var repository = GitRepository.Find(Environment.CurrentDirectory, out _);
        if (repository?.Commit is not null)
            Assert.Equal(repository.Commit, stored.Tags["mlflow.source.git.commit"]);
        Assert.Equal(Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Tags["padre.cpu.available_cores"]);
        Assert.Equal("FINISHED", stored.Tags["padre.run.status"]);
        Assert.Contains(stored.Metrics, m => m.Key == "system/disk_usage_percentage" && m.Step == 0);
        Assert.Contains(stored.Metrics, m => m.Key == "resources/wall_time_seconds");
        Assert.True(stored.Artifacts.ContainsKey("environment/packages.json"), $"artifacts: {string.Join(", ", stored.Artifacts.Keys)}; tags: {string.Join(", ", stored.Tags.Where(t => t.Key.Contains("package") || t.Key.Contains("unavailable")).Select(t => t.Key + "=" + t.Value))}");
        var packages = Encoding.UTF8.GetString(stored.Artifacts["environment/packages.json"]);
        Assert.True(packages.Contains("\"name\": \"xunit\"", StringComparison.Ordinal), packages[..Math.Min(600, packages.Length)]);
    }

    [Fact]
    public void Every_key_the_loggers_write_on_this_machine_is_one_MLflow_accepts()
    {
        var loggers = DefaultRunLoggers.Create(RunLoggerContext.ForThisProcess(), Environment.GetCommandLineArgs(), ["console"]);
        var run = new RecordingRunWriter();
        foreach (var logger in loggers)
            logger.OnRunStarted(run);
        foreach (var logger in loggers)
            logger.OnRunEnding(run, RunStatus.Finished);
        var keys = run.Tags.Keys.Concat(run.Metrics.Select(m => m.Key)).Distinct().ToList();
        Assert.True(keys.Count > 40, $"only {keys.Count} keys");
        Assert.All(keys, key => Assert.Null(MlflowRules.ValidateKey(key)));
        Assert.All(run.Texts.Keys, path => Assert.Null(MlflowRules.ValidateKey(path)));
    }
}
