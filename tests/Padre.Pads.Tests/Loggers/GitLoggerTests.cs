using System.Diagnostics;
using Padre.Pads.Loggers.Run;

namespace Padre.Pads.Tests.Loggers;

public sealed class GitLoggerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Records_commit_branch_and_remote_as_git_itself_reports_them()
    {
        var repo = CreateRepository("https://alice:s3cr3tT0ken@example.com/team/project.git");
        var run = Run(repo);
        Assert.Equal(Git(repo, "rev-parse", "HEAD"), run.Tag("mlflow.source.git.commit"));
        Assert.Equal("main", run.Tag("mlflow.source.git.branch"));
        Assert.Equal(repo, run.Tag("padre.git.repository"));
    }

    [Fact]
    public void Remote_url_has_its_credentials_stripped()
    {
        var repo = CreateRepository("https://alice:s3cr3tT0ken@example.com/team/project.git");
        var run = Run(repo);
        Assert.Equal("https://example.com/team/project.git", run.Tag("mlflow.source.git.repoURL"));
        Assert.DoesNotContain("s3cr3tT0ken", run.Everything());
    }

    [Fact]
    public void Clean_working_tree_is_not_dirty_and_has_no_diff()
    {
        var repo = CreateRepository();
        var run = Run(repo);
        Assert.Equal("false", run.Tag("mlflow.source.git.dirty"));
        Assert.Empty(run.Texts);
    }

    [Fact]
    public void Changed_file_makes_the_run_dirty_with_the_change_as_diff_artifact()
    {
        var repo = CreateRepository();
        File.AppendAllText(Path.Combine(repo, "Program.cs"), "// tuned learning rate\n");
        var run = Run(repo);
        Assert.Equal("true", run.Tag("mlflow.source.git.dirty"));
        Assert.Contains("+// tuned learning rate", run.Texts["git/diff.patch"]);
    }

    [Fact]
    public void Staged_change_counts_as_dirty_and_is_in_the_diff()
    {
        var repo = CreateRepository();
        _temp.Write("repo/Staged.cs", "class Staged {}\n");
        Git(repo, "add", "Staged.cs");
        var run = Run(repo);
        Assert.Equal("true", run.Tag("mlflow.source.git.dirty"));
        Assert.Contains("+class Staged {}", run.Texts["git/diff.patch"]);
    }

    [Fact]
    public void Commit_branch_and_remote_are_read_from_packed_refs_without_git_on_path()
    {
        var repo = CreateRepository("git@example.com:team/project.git");
        Git(repo, "checkout", "-q", "-b", "feature/x");
        Git(repo, "pack-refs", "--all");
        Assert.False(File.Exists(Path.Combine(repo, ".git", "refs", "heads", "feature", "x")));
        var run = Run(repo, TestContext.EnvironmentWith(("PATH", "")));
        Assert.Equal(Git(repo, "rev-parse", "HEAD"), run.Tag("mlflow.source.git.commit"));
        Assert.Equal("feature/x", run.Tag("mlflow.source.git.branch"));
        Assert.Equal("git@example.com:team/project.git", run.Tag("mlflow.source.git.repoURL"));
        Assert.False(run.Tags.ContainsKey("mlflow.source.git.dirty"));
        Assert.Contains("git executable is not on PATH", run.Tag("padre.logger.git.unavailable"));
    }

    [Fact]
    public void Linked_worktree_reports_its_own_branch_and_the_shared_remote()
    {
        var repo = CreateRepository("https://example.com/team/project.git");
        var worktree = Path.Combine(_temp.Path, "wt");
        Git(repo, "worktree", "add", "-q", "-b", "experiment", worktree);
        Assert.True(File.Exists(Path.Combine(worktree, ".git")));
        var run = Run(worktree, TestContext.EnvironmentWith(("PATH", "")));
        Assert.Equal("experiment", run.Tag("mlflow.source.git.branch"));
        Assert.Equal(Git(worktree, "rev-parse", "HEAD"), run.Tag("mlflow.source.git.commit"));
        Assert.Equal("https://example.com/team/project.git", run.Tag("mlflow.source.git.repoURL"));
    }

    [Fact]
    public void Detached_head_records_the_commit_and_no_branch()
    {
        var repo = CreateRepository();
        Git(repo, "checkout", "-q", "--detach");
        var run = Run(repo);
        Assert.Equal(Git(repo, "rev-parse", "HEAD"), run.Tag("mlflow.source.git.commit"));
        Assert.False(run.Tags.ContainsKey("mlflow.source.git.branch"));
        Assert.Equal("true", run.Tag("padre.git.detached"));
    }

    [Fact]
    public void Outside_a_repository_records_that_there_is_none()
    {
        var plain = Path.Combine(_temp.Path, "plain");
        Directory.CreateDirectory(plain);
        var run = new RecordingRunWriter();
        new GitLogger(TestContext.With(workingDirectory: plain, baseDirectory: plain)).OnRunStarted(run);
        Assert.Equal("none", run.Tag("padre.git.repository"));
        Assert.Contains("no .git", run.Tag("padre.logger.git.unavailable"));
        Assert.False(run.Tags.ContainsKey("mlflow.source.git.commit"));
    }

    [Fact]
    public void Repository_without_commits_records_branch_and_says_there_is_no_commit()
    {
        var repo = Path.Combine(_temp.Path, "empty");
        Directory.CreateDirectory(repo);
        Git(repo, "init", "-q", "-b", "main");
        var run = Run(repo);
        Assert.Equal("main", run.Tag("mlflow.source.git.branch"));
        Assert.Contains("no commit", run.Tag("padre.logger.git.unavailable"));
    }

    private RecordingRunWriter Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = new RecordingRunWriter();
        new GitLogger(TestContext.With(workingDirectory: workingDirectory, baseDirectory: workingDirectory, environment: environment)).OnRunStarted(run);
        return run;
    }

    private string CreateRepository(string? remote = null)
    {
        var repo = Path.Combine(_temp.Path, "repo");
        Directory.CreateDirectory(repo);
        Git(repo, "init", "-q", "-b", "main");
        _temp.Write("repo/Program.cs", "Console.WriteLine(1);\n");
        Git(repo, "add", "Program.cs");
        Git(repo, "commit", "-q", "-m", "first");
        _temp.Write("repo/Model.cs", "class Model {}\n");
        Git(repo, "add", "Model.cs");
        Git(repo, "commit", "-q", "-m", "second");
        if (remote is not null)
            Git(repo, "remote", "add", "origin", remote);
        return repo;
    }

    internal static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in new[] { ("GIT_AUTHOR_NAME", "Test"), ("GIT_AUTHOR_EMAIL", "t@example.com"), ("GIT_COMMITTER_NAME", "Test"), ("GIT_COMMITTER_EMAIL", "t@example.com"), ("GIT_CONFIG_NOSYSTEM", "1"), ("HOME", directory) })
            start.Environment[key] = value;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error}");
        return output.Trim();
    }
}
