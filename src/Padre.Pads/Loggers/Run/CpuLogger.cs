using System.Globalization;
using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>Records the processor: model, physical and logical cores, cores this process may use, frequency.</summary>
internal sealed class CpuLogger(RunLoggerContext context) : IRunLogger
{
    public string Name => "cpu";

    public void OnRunStarted(IRunWriter run)
    {
        var unavailable = new Unavailable(Name);
        // What the runtime will use: respects affinity and container CPU limits.
        run.SetTag("padre.cpu.available_cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        if (OperatingSystem.IsLinux())
            ReadLinux(run, unavailable);
        else
        {
            run.SetTag("padre.cpu.logical_cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
            if (context.Env("PROCESSOR_IDENTIFIER") is { } identifier) // Windows sets it for every process
                run.SetTag("padre.cpu.model", identifier);
            else
                unavailable.Add("model", "not readable on this operating system without native calls");
            unavailable.Add("physical_cores, frequency", "not readable on this operating system without native calls");
        }
        unavailable.WriteTo(run);
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
    }

    private void ReadLinux(IRunWriter run, Unavailable unavailable)
    {
        var cpuinfo = context.Files.ReadText("/proc/cpuinfo", out var why);
        if (cpuinfo is null)
        {
            unavailable.Add("model, cores, frequency", why);
            return;
        }
        var info = CpuInfo.Parse(cpuinfo);
        if (info.Model is not null)
            run.SetTag("padre.cpu.model", info.Model);
        else
            unavailable.Add("model", "/proc/cpuinfo names no model");
        run.SetTag("padre.cpu.logical_cores", (info.LogicalCores > 0 ? info.LogicalCores : Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture));
        var physical = info.PhysicalCores > 0 ? info.PhysicalCores : CountSysfsCores();
        if (physical > 0)
            run.SetTag("padre.cpu.physical_cores", physical.ToString(CultureInfo.InvariantCulture));
        else
            unavailable.Add("physical_cores", "neither /proc/cpuinfo nor /sys/devices/system/cpu/*/topology give core ids");
        if (info.MegahertzNow is { } now)
            run.SetTag("padre.cpu.frequency_mhz", now.ToString("0", CultureInfo.InvariantCulture));
        var max = context.Files.ReadText("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", out _);
        if (max is not null && long.TryParse(max.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kilohertz))
            run.SetTag("padre.cpu.max_frequency_mhz", (kilohertz / 1000).ToString(CultureInfo.InvariantCulture));
        else if (info.MegahertzNow is null)
            unavailable.Add("frequency", "/proc/cpuinfo has no 'cpu MHz' and cpufreq is not exposed (common in virtual machines)");
    }

    // ARM and some virtual machines leave core ids out of /proc/cpuinfo but keep them in sysfs.
    private int CountSysfsCores()
    {
        var cores = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cpu in context.Files.Directories("/sys/devices/system/cpu"))
        {
            var name = Path.GetFileName(cpu);
            if (!name.StartsWith("cpu", StringComparison.Ordinal) || !name[3..].All(char.IsDigit) || name.Length == 3)
                continue;
            var package = context.Files.ReadText($"/sys/devices/system/cpu/{name}/topology/physical_package_id", out _)?.Trim();
            var core = context.Files.ReadText($"/sys/devices/system/cpu/{name}/topology/core_id", out _)?.Trim();
            if (core is not null)
                cores.Add(package + "/" + core);
        }
        return cores.Count;
    }
}

/// <summary>The parts of /proc/cpuinfo the cpu logger needs.</summary>
internal sealed record CpuInfo(string? Model, int LogicalCores, int PhysicalCores, double? MegahertzNow)
{
    public static CpuInfo Parse(string text)
    {
        string? model = null;
        var logical = 0;
        var cores = new HashSet<string>(StringComparer.Ordinal);
        string? physicalId = null;
        double? megahertz = null;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
                continue;
            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "processor":
                    logical++;
                    physicalId = null;
                    break;
                case "model name" or "Model" or "Hardware" or "cpu model":
                    model ??= value;
                    break;
                case "physical id":
                    physicalId = value;
                    break;
                case "core id":
                    cores.Add(physicalId + "/" + value);
                    break;
                case "cpu MHz":
                    if (megahertz is null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var mhz))
                        megahertz = mhz;
                    break;
            }
        }
        return new CpuInfo(model, logical, cores.Count, megahertz);
    }
}
