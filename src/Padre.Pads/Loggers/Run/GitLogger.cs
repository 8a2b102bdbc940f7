using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Records the code's version: commit, branch and remote into MLflow's own <c>mlflow.source.git.*</c> tags,
/// whether the working tree has uncommitted changes, and those changes as <c>git/diff.patch</c>.
/// </summary>
internal sealed class GitLogger(RunLoggerContext context) : IRunLogger
{
    /// <summary>Diffs beyond this are cut: the artifact is for reading, not for restoring a large refactoring.</summary>
    internal const int MaxDiffChars = 1 << 20;

    public string Name => "git";

    public void OnRunStarted(IRunWriter run)
    {
        var unavailable = new Unavailable(Name);
        var repository = GitRepository.Find(context.WorkingDirectory, out var why);
        if (repository is null && !string.Equals(context.BaseDirectory, context.WorkingDirectory, StringComparison.Ordinal))
            repository = GitRepository.Find(context.BaseDirectory, out _);
        if (repository is null)
        {
            run.SetTag("padre.git.repository", "none");
            unavailable.Add("repository", why);
            unavailable.WriteTo(run);
            return;
        }

        run.SetTag("padre.git.repository", repository.WorkTree);
        if (repository.Commit is not null)
            run.SetTag("mlflow.source.git.commit", repository.Commit);
        else
            unavailable.Add("commit", "HEAD points to no commit (a new repository, or an unreadable ref)");
        if (repository.Branch is not null)
            run.SetTag("mlflow.source.git.branch", repository.Branch);
        else
            run.SetTag("padre.git.detached", "true");
        if (repository.RemoteUrl is not null)
            run.SetTag("mlflow.source.git.repoURL", SecretRedactor.StripUrlCredentials(repository.RemoteUrl));
        else
            unavailable.Add("repoURL", "the repository has no remote");

        RecordChanges(run, repository, unavailable);
        unavailable.WriteTo(run);
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
    }

    // Dirty state and diff need the index and object database, which only git itself reads reliably.
    private void RecordChanges(IRunWriter run, GitRepository repository, Unavailable unavailable)
    {
        var git = context.FindTool("git");
        if (git is null)
        {
            unavailable.Add("dirty, diff", "the git executable is not on PATH");
            return;
        }
        // No optional locks: a status taken by tracking must never block the user's own git commands.
        var environment = new Dictionary<string, string> { ["GIT_OPTIONAL_LOCKS"] = "0", ["GIT_TERMINAL_PROMPT"] = "0", ["LC_ALL"] = "C" };
        var status = ExternalCommand.Run(git, ["status", "--porcelain", "--untracked-files=no"], repository.WorkTree,
            context.ToolTimeout, out var why, out _, environment: environment);
        if (status is null)
        {
            unavailable.Add("dirty, diff", why);
            return;
        }
        var dirty = status.Trim().Length > 0;
        run.SetTag("mlflow.source.git.dirty", dirty ? "true" : "false");
        if (!dirty)
            return;

        var diff = ExternalCommand.Run(git, ["-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff", repository.Commit is null ? "--cached" : "HEAD"],
            repository.WorkTree, context.ToolTimeout, out why, out var truncated, MaxDiffChars, environment);
        if (diff is null)
        {
            unavailable.Add("diff", why);
            return;
        }
        if (truncated)
            diff += $"\n[padre: diff cut at {MaxDiffChars} characters]\n";
        run.LogText(diff, "git/diff.patch");
    }
}
