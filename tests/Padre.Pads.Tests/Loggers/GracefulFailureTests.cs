using Padre.Pads.Loggers.Run;
using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Loggers;

/// <summary>What the loggers do when the machine does not cooperate: hung tools, unreadable files, broken links.</summary>
public sealed class GracefulFailureTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_hung_git_is_stopped_at_the_time_limit_and_the_commit_is_still_recorded()
    {
        if (OperatingSystem.IsWindows())
            return;
        var repo = Path.Combine(_temp.Path, "repo");
        Directory.CreateDirectory(repo);
        GitLoggerTests.Git(repo, "init", "-q", "-b", "main");
        _temp.Write("repo/a.txt", "a");
        GitLoggerTests.Git(repo, "add", "a.txt");
        GitLoggerTests.Git(repo, "commit", "-q", "-m", "a");
        var tools = Path.Combine(_temp.Path, "tools");
        var fakeGit = _temp.Write("tools/git", "#!/bin/sh\nsleep 30\n");
        File.SetUnixFileMode(fakeGit, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var context = TestContext.With(workingDirectory: repo, baseDirectory: repo, environment: TestContext.EnvironmentWith(("PATH", tools))) with
        {
            ToolTimeout = TimeSpan.FromMilliseconds(300),
        };
        var run = new RecordingRunWriter();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        new GitLogger(context).OnRunStarted(run);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(GitLoggerTests.Git(repo, "rev-parse", "HEAD"), run.Tag("mlflow.source.git.commit"));
        Assert.Contains("did not finish within 0.3 s and was stopped", run.Tag("padre.logger.git.unavailable"));
    }

    [Fact]
    public void A_secret_in_a_dirty_diff_does_not_reach_the_run()
    {
        var repo = Path.Combine(_temp.Path, "repo");
        Directory.CreateDirectory(repo);
        GitLoggerTests.Git(repo, "init", "-q", "-b", "main");
        _temp.Write("repo/appsettings.json", "{}\n");
        GitLoggerTests.Git(repo, "add", "appsettings.json");
        GitLoggerTests.Git(repo, "commit", "-q", "-m", "a");
        _temp.Write("repo/appsettings.json", "{ \"ApiKey\": \"live-9f8e7d6c5b4a\" }\n");
        var context = TestContext.With(workingDirectory: repo, baseDirectory: repo);
        var run = new RecordingRunWriter();
        new GuardedRunLogger(new GitLogger(context), new SecretRedactor(context.Environment)).OnRunStarted(run);
        Assert.Contains("\"ApiKey\": \"[REDACTED]\"", run.Texts["git/diff.patch"]);
        Assert.DoesNotContain("live-9f8e7d6c5b4a", run.Everything());
    }

    [Fact]
    public void A_procfs_entry_that_cannot_be_read_as_a_file_is_reported_not_thrown()
    {
        if (!OperatingSystem.IsLinux())
            return;
        Directory.CreateDirectory(Path.Combine(_temp.Path, "proc", "meminfo")); // a directory where a file should be
        var run = new RecordingRunWriter();
        new MemoryLogger(TestContext.With(root: _temp.Path)).OnRunStarted(run);
        Assert.Contains("/proc/meminfo could not be read", run.Tag("padre.logger.memory.unavailable"));
    }

    [Fact]
    public void A_broken_link_in_the_sources_is_reported_and_the_other_files_are_kept()
    {
        if (OperatingSystem.IsWindows())
            return;
        _temp.Write("Experiment.csproj", "<Project />");
        _temp.Write("Program.cs", "// ok");
        File.CreateSymbolicLink(Path.Combine(_temp.Path, "Gone.cs"), Path.Combine(_temp.Path, "nowhere", "Gone.cs"));
        var run = new RecordingRunWriter();
        new SourceLogger(TestContext.Real() with { WorkingDirectory = _temp.Path, BaseDirectory = _temp.Path }).OnRunStarted(run);
        Assert.Equal("// ok", run.Texts["source/Program.cs"]);
        Assert.Contains("source/Gone.cs", run.Tag("padre.logger.source.unavailable"));
    }

    [Fact]
    public void Loggers_that_had_no_start_end_quietly()
    {
        var run = new RecordingRunWriter();
        new ConsoleLogger().OnRunEnding(run, RunStatus.Killed);
        new SystemMetricsLogger(TestContext.Real()).OnRunEnding(run, RunStatus.Killed);
        new ResourcesLogger(TimeProvider.System).OnRunEnding(run, RunStatus.Killed);
        Assert.Equal("KILLED", run.Tag("padre.run.status"));
        Assert.Empty(run.Metrics);
        Assert.Empty(run.Texts);
    }
}
