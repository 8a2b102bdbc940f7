namespace Padre.Pads.Loggers.Run;

/// <summary>
/// A git repository's state read straight from its <c>.git</c> files (HEAD, loose refs, packed-refs, config),
/// so commit, branch and remote are known on machines without git installed. Handles worktrees and submodules,
/// whose <c>.git</c> is a file pointing elsewhere.
/// </summary>
internal sealed record GitRepository(string WorkTree, string GitDirectory, string CommonDirectory, string? Commit, string? Branch, string? RemoteUrl)
{
    /// <summary>The repository containing <paramref name="start"/> (or one of its parents), or null when there is none.</summary>
    public static GitRepository? Find(string start, out string why)
    {
        why = "";
        DirectoryInfo? directory;
        try
        {
            directory = new DirectoryInfo(Path.GetFullPath(start));
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            why = $"{start} is not a usable path ({e.Message})";
            return null;
        }
        for (; directory is not null; directory = directory.Parent)
        {
            var dotGit = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(dotGit))
                return Read(directory.FullName, dotGit, out why);
            if (File.Exists(dotGit))
            {
                var pointer = ReadFirstLine(dotGit);
                if (pointer is null || !pointer.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    why = $"{dotGit} is a file but does not say 'gitdir: <path>'";
                    return null;
                }
                var gitDir = pointer["gitdir:".Length..].Trim();
                gitDir = Path.GetFullPath(Path.IsPathRooted(gitDir) ? gitDir : Path.Combine(directory.FullName, gitDir));
                return Read(directory.FullName, gitDir, out why);
            }
        }
        why = $"no .git in {start} or any parent directory";
        return null;
    }

    private static GitRepository? Read(string workTree, string gitDir, out string why)
    {
        why = "";
        if (!Directory.Exists(gitDir))
        {
            why = $"git directory {gitDir} does not exist";
            return null;
        }
        // A linked worktree keeps HEAD in its own directory and refs, packed-refs and config in the common one.
        var commonDir = gitDir;
        var commonPointer = ReadFirstLine(Path.Combine(gitDir, "commondir"));
        if (!string.IsNullOrWhiteSpace(commonPointer))
            commonDir = Path.GetFullPath(Path.IsPathRooted(commonPointer) ? commonPointer : Path.Combine(gitDir, commonPointer));

        var head = ReadFirstLine(Path.Combine(gitDir, "HEAD"));
        if (head is null)
        {
            why = $"{Path.Combine(gitDir, "HEAD")} could not be read";
            return null;
        }
        string? branch = null;
        string? commit;
        if (head.StartsWith("ref:", StringComparison.Ordinal))
        {
            var reference = head[4..].Trim();
            branch = reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? reference["refs/heads/".Length..] : reference;
            commit = ResolveReference(reference, gitDir, commonDir);
        }
        else
        {
            commit = IsObjectId(head) ? head : null; // detached HEAD
        }
        return new GitRepository(workTree, gitDir, commonDir, commit, branch, ReadRemoteUrl(Path.Combine(commonDir, "config")));
    }

    private static string? ResolveReference(string reference, string gitDir, string commonDir)
    {
        for (var depth = 0; depth < 8; depth++) // symbolic refs may chain; git itself stops at 5
        {
            var loose = ReadFirstLine(Path.Combine(gitDir, reference)) ?? ReadFirstLine(Path.Combine(commonDir, reference));
            if (loose is not null && loose.StartsWith("ref:", StringComparison.Ordinal))
            {
                reference = loose[4..].Trim();
                continue;
            }
            if (loose is not null && IsObjectId(loose))
                return loose;
            return FindPacked(reference, commonDir);
        }
        return null;
    }

    private static string? FindPacked(string reference, string commonDir)
    {
        var packed = Path.Combine(commonDir, "packed-refs");
        if (!File.Exists(packed))
            return null; // an unborn branch: HEAD names a branch that has no commit yet
        foreach (var line in File.ReadLines(packed))
        {
            if (line.Length == 0 || line[0] is '#' or '^')
                continue;
            var space = line.IndexOf(' ');
            if (space > 0 && string.Equals(line[(space + 1)..].Trim(), reference, StringComparison.Ordinal))
                return IsObjectId(line[..space]) ? line[..space] : null;
        }
        return null;
    }

    // The URL of remote "origin", else of the first remote, as MLflow's git helpers pick it.
    private static string? ReadRemoteUrl(string configPath)
    {
        if (!File.Exists(configPath))
            return null;
        string? section = null;
        string? first = null;
        foreach (var raw in File.ReadLines(configPath))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
                continue;
            if (line[0] == '[')
            {
                section = line.TrimStart('[').TrimEnd(']').Trim();
                continue;
            }
            if (section is null || !section.StartsWith("remote ", StringComparison.OrdinalIgnoreCase))
                continue;
            var equals = line.IndexOf('=');
            if (equals < 0 || !string.Equals(line[..equals].Trim(), "url", StringComparison.OrdinalIgnoreCase))
                continue;
            var url = line[(equals + 1)..].Trim().Trim('"');
            if (section[7..].Trim().Trim('"') == "origin")
                return url;
            first ??= url;
        }
        return first;
    }

    private static bool IsObjectId(string text) =>
        text.Length is 40 or 64 && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    private static string? ReadFirstLine(string path)
    {
        try
        {
            if (!File.Exists(path))
                return null;
            using var reader = new StreamReader(path);
            return reader.ReadLine()?.Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
