using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>Records the machine's memory in megabytes (10^6 bytes): total, available, swap total and free, and the .NET limit.</summary>
internal sealed class MemoryLogger(RunLoggerContext context) : IRunLogger
{
    public string Name => "memory";

    public void OnRunStarted(IRunWriter run)
    {
        var unavailable = new Unavailable(Name);
        // The GC's view includes container limits, which is what an out-of-memory in a container is about.
        var gcLimit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (gcLimit > 0)
            run.SetTag("padre.memory.dotnet_limit_megabytes", Megabytes.Text(gcLimit));
        if (OperatingSystem.IsLinux())
        {
            var text = context.Files.ReadText("/proc/meminfo", out var why);
            if (text is null)
            {
                unavailable.Add("total, available, swap", why);
            }
            else
            {
                var info = MemInfo.Parse(text);
                Write(run, unavailable, "total_megabytes", info.Total);
                Write(run, unavailable, "available_megabytes", info.Available);
                Write(run, unavailable, "swap_total_megabytes", info["SwapTotal"]);
                Write(run, unavailable, "swap_free_megabytes", info["SwapFree"]);
            }
        }
        else
        {
            if (gcLimit > 0)
                run.SetTag("padre.memory.total_megabytes", Megabytes.Text(gcLimit));
            unavailable.Add("available, swap", "not readable on this operating system without native calls");
        }
        unavailable.WriteTo(run);
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
    }

    private static void Write(IRunWriter run, Unavailable unavailable, string name, long? bytes)
    {
        if (bytes is { } value)
            run.SetTag("padre.memory." + name, Megabytes.Text(value));
        else
            unavailable.Add(name, "/proc/meminfo does not list it");
    }
}
