using System.Diagnostics;
using System.Globalization;

namespace Padre.Pads.Export;

/// <summary>
/// Copies of logged artifact files and directories, taken on the caller's thread when they are logged, so that a
/// program overwriting or deleting the file right afterwards (a model re-saved every epoch, a temporary file) still
/// records what it logged. They live in the spool directory, so a crash and a replay still upload them; the exporter
/// deletes each one once the store has it.
/// </summary>
/// <remarks>
/// A copy, not a hard link: most writers (<c>File.Create</c>, ML.NET's <c>Model.Save</c>) truncate and rewrite the
/// same file, and a hard link would see the new content. Files and directories larger than the limit are read at
/// upload time instead (reported once per session), which keeps the caller's cost bounded.
/// Layout: <c>&lt;spool&gt;/&lt;owner&gt;.snapshots/&lt;n&gt;/&lt;name&gt;</c>, so the upload sees the original file name
/// or directory tree. <c>&lt;owner&gt;.snapshots/.lock</c> is held open while the owning process lives.
/// </remarks>
internal sealed class ArtifactSnapshots : IDisposable
{
    private const string LockName = ".lock";
    private const string Suffix = ".snapshots";
    private readonly long maxBytes;
    private readonly object gate = new();
    private FileStream? lockFile;
    private long next;

    public ArtifactSnapshots(string spoolDirectory, string owner, long maxBytes)
    {
        Directory = Path.Combine(spoolDirectory, owner + Suffix);
        this.maxBytes = maxBytes;
    }

    /// <summary>Where this process's snapshots are.</summary>
    public string Directory { get; }

    /// <summary>
    /// Copies <paramref name="localPath"/> (a file or a directory) into the snapshot area. Returns the copy's path,
    /// or null with <paramref name="why"/> when it is not copied (missing, larger than the limit, or unreadable).
    /// </summary>
    public string? TryTake(string localPath, out string why)
    {
        why = string.Empty;
        if (maxBytes <= 0)
        {
            why = "artifact snapshots are off (PADRE_ARTIFACT_SNAPSHOT_MAX_MB=0)";
            return null;
        }

        string? target = null;
        try
        {
            var isFile = File.Exists(localPath);
            if (!isFile && !System.IO.Directory.Exists(localPath))
            {
                why = "it does not exist";
                return null;
            }

            var size = isFile ? new FileInfo(localPath).Length : DirectorySize(localPath);
            if (size > maxBytes)
            {
                why = string.Create(CultureInfo.InvariantCulture, $"it is {size / (1024.0 * 1024):F0} MB, over the snapshot limit of {maxBytes / (1024.0 * 1024):F0} MB (PADRE_ARTIFACT_SNAPSHOT_MAX_MB)");
                return null;
            }

            var slot = Path.Combine(Directory, Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture));
            EnsureOwned();
            System.IO.Directory.CreateDirectory(slot);
            target = Path.Combine(slot, Path.GetFileName(Path.TrimEndingDirectorySeparator(localPath)));
            if (isFile)
            {
                File.Copy(localPath, target);
            }
            else
            {
                CopyDirectory(localPath, target);
            }

            return target;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = "it could not be copied: " + e.Message;
            if (target is not null)
            {
                Release(target);
            }

            return null;
        }
    }

    /// <summary>Deletes a snapshot (after the store confirmed it, or rejected it for good).</summary>
    public static void Release(string snapshot)
    {
        try
        {
            if (Path.GetDirectoryName(snapshot) is { } slot && System.IO.Directory.Exists(slot))
            {
                System.IO.Directory.Delete(slot, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Debug.WriteLine(e);
        }
    }

    /// <summary>
    /// Deletes the snapshot areas of processes that are gone (their lock is free). Only call it when no spool segment
    /// of another process is left to replay: then nothing refers to those snapshots any more.
    /// </summary>
    public static void DeleteAbandoned(string spoolDirectory, string? except)
    {
        if (!System.IO.Directory.Exists(spoolDirectory))
        {
            return;
        }

        foreach (var area in System.IO.Directory.EnumerateDirectories(spoolDirectory, "*" + Suffix))
        {
            if (string.Equals(area, except, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using (new FileStream(Path.Combine(area, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
                {
                }

                System.IO.Directory.Delete(area, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Debug.WriteLine(e); // its owner lives (or the area is not ours to delete)
            }
        }
    }

    /// <summary>Releases the lock and deletes the whole area when <paramref name="everythingConfirmed"/>; else leaves it for a replay.</summary>
    public void Close(bool everythingConfirmed)
    {
        lock (gate)
        {
            lockFile?.Dispose();
            lockFile = null;
        }

        if (everythingConfirmed && System.IO.Directory.Exists(Directory))
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Debug.WriteLine(e);
            }
        }
    }

    /// <summary>Releases the lock as a killed process would: nothing is deleted (crash tests).</summary>
    public void Dispose()
    {
        lock (gate)
        {
            lockFile?.Dispose();
            lockFile = null;
        }
    }

    private void EnsureOwned()
    {
        lock (gate)
        {
            if (lockFile is null)
            {
                System.IO.Directory.CreateDirectory(Directory);
                lockFile = new FileStream(Path.Combine(Directory, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
        }
    }

    private long DirectorySize(string directory)
    {
        long total = 0;
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            total += file.Length;
            if (total > maxBytes)
            {
                break; // enough to know it is over the limit
            }
        }

        return total;
    }

    private static void CopyDirectory(string source, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var directory in System.IO.Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            System.IO.Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
        }
    }
}
