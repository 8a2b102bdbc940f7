using System.Runtime.InteropServices;
using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>Records the operating system: platform, distribution name and version, kernel, architecture, container.</summary>
internal sealed class OsLogger(RunLoggerContext context) : IRunLogger
{
    public string Name => "os";

    public void OnRunStarted(IRunWriter run)
    {
        var unavailable = new Unavailable(Name);
        run.SetTag("padre.os.platform", Platform());
        run.SetTag("padre.os.description", RuntimeInformation.OSDescription);
        run.SetTag("padre.os.architecture", RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant());

        if (OperatingSystem.IsLinux())
        {
            var release = context.Files.ReadText("/etc/os-release", out var why) ?? context.Files.ReadText("/usr/lib/os-release", out _);
            if (release is null)
            {
                unavailable.Add("name, version", why);
            }
            else
            {
                var fields = ParseOsRelease(release);
                run.SetTag("padre.os.name", fields.GetValueOrDefault("PRETTY_NAME") ?? fields.GetValueOrDefault("NAME") ?? "Linux");
                if (fields.GetValueOrDefault("VERSION_ID") is { } version)
                    run.SetTag("padre.os.version", version);
            }
            var kernel = context.Files.ReadText("/proc/sys/kernel/osrelease", out why);
            if (kernel is null)
                unavailable.Add("kernel", why);
            else
                run.SetTag("padre.os.kernel", kernel.Trim());
            run.SetTag("padre.os.container", DetectContainer());
        }
        else
        {
            run.SetTag("padre.os.name", Platform());
            run.SetTag("padre.os.version", Environment.OSVersion.Version.ToString());
            run.SetTag("padre.os.kernel", Environment.OSVersion.VersionString);
        }
        unavailable.WriteTo(run);
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
    }

    internal static Dictionary<string, string> ParseOsRelease(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var equals = line.IndexOf('=');
            if (equals <= 0 || line.TrimStart().StartsWith('#'))
                continue;
            fields[line[..equals].Trim()] = line[(equals + 1)..].Trim().Trim('"', '\'');
        }
        return fields;
    }

    // Cheap signals only: marker files the runtimes create and the cgroup of PID 1.
    private string DetectContainer()
    {
        if (context.Env("KUBERNETES_SERVICE_HOST") is not null)
            return "kubernetes";
        if (context.Files.Exists("/.dockerenv"))
            return "docker";
        if (context.Files.Exists("/run/.containerenv"))
            return "podman";
        var cgroup = context.Files.ReadText("/proc/1/cgroup", out _) ?? "";
        foreach (var runtime in new[] { "kubepods", "docker", "containerd", "lxc", "podman" })
            if (cgroup.Contains(runtime, StringComparison.Ordinal))
                return runtime == "kubepods" ? "kubernetes" : runtime;
        if (context.Env("container") is { Length: > 0 } declared) // set by systemd-nspawn, podman, flatpak
            return declared;
        return "none detected";
    }

    private static string Platform() =>
        OperatingSystem.IsLinux() ? "Linux"
        : OperatingSystem.IsWindows() ? "Windows"
        : OperatingSystem.IsMacOS() ? "macOS"
        : OperatingSystem.IsFreeBSD() ? "FreeBSD"
        : RuntimeInformation.OSDescription;
}
