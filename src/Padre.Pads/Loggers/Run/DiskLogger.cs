using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>Records the volume holding the working directory: mount point, file system, total and free megabytes.</summary>
internal sealed class DiskLogger(RunLoggerContext context) : IRunLogger
{
    public string Name => "disk";

    public void OnRunStarted(IRunWriter run)
    {
        var unavailable = new Unavailable(Name);
        try
        {
            var drive = VolumeOf(context.WorkingDirectory);
            run.SetTag("padre.disk.path", drive.Name);
            run.SetTag("padre.disk.format", drive.DriveFormat);
            run.SetTag("padre.disk.total_megabytes", Megabytes.Text(drive.TotalSize));
            // What the user can still write (statvfs f_bavail): the figure that decides whether a model save fails.
            run.SetTag("padre.disk.free_megabytes", Megabytes.Text(drive.AvailableFreeSpace));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            unavailable.Add("total, free", $"the volume of {context.WorkingDirectory} could not be read ({e.Message})");
        }
        unavailable.WriteTo(run);
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
    }

    /// <summary>The mounted volume whose root is the longest prefix of <paramref name="path"/>.</summary>
    internal static DriveInfo VolumeOf(string path)
    {
        var full = Path.GetFullPath(path);
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        DriveInfo? best = null;
        foreach (var drive in DriveInfo.GetDrives())
        {
            var root = drive.RootDirectory.FullName;
            var withSeparator = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
            var contains = full.Equals(root, comparison) || full.StartsWith(withSeparator, comparison);
            if (contains && (best is null || root.Length > best.RootDirectory.FullName.Length) && drive.IsReady)
                best = drive;
        }
        return best ?? new DriveInfo(Path.GetPathRoot(full) ?? full);
    }
}
