using System.Globalization;
using Padre.Pads.Stores;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Records the GPUs this process can see: from <c>nvidia-smi</c> when installed, else from the NVIDIA driver's
/// procfs entries, else <c>padre.gpu.count = 0</c> with "none visible".
/// </summary>
internal sealed class GpuLogger(RunLoggerContext context) : IRunLogger
{
    public string Name => "gpu";

    public void OnRunStarted(IRunWriter run)
    {
        var unavailable = new Unavailable(Name);
        var gpus = FromNvidiaSmi(unavailable) ?? FromDriverFiles();
        run.SetTag("padre.gpu.count", gpus.Count.ToString(CultureInfo.InvariantCulture));
        run.SetTag("padre.gpu.names", gpus.Count == 0 ? "none visible" : string.Join(", ", gpus.Select(g => g.Name)));
        foreach (var gpu in gpus)
        {
            if (gpu.MemoryMegabytes is { } memory)
                run.SetTag($"padre.gpu.{gpu.Index}.memory_total_megabytes", memory.ToString("0.0", CultureInfo.InvariantCulture));
            if (gpu.Driver is { } driver)
                run.SetTag("padre.gpu.driver", driver);
        }
        unavailable.WriteTo(run);
    }

    public void OnRunEnding(IRunWriter run, RunStatus status)
    {
    }

    internal sealed record Gpu(int Index, string Name, double? MemoryMegabytes, string? Driver);

    private List<Gpu>? FromNvidiaSmi(Unavailable unavailable)
    {
        var smi = context.FindTool("nvidia-smi");
        if (smi is null)
            return null;
        var output = ExternalCommand.Run(smi, ["--query-gpu=index,name,memory.total,driver_version", "--format=csv,noheader,nounits"],
            null, context.ToolTimeout, out var why, out _);
        if (output is null)
        {
            unavailable.Add("nvidia-smi", why);
            return null;
        }
        return ParseNvidiaSmi(output);
    }

    /// <summary>Parses <c>index, name, memory.total [MiB], driver_version</c> lines.</summary>
    internal static List<Gpu> ParseNvidiaSmi(string output)
    {
        var gpus = new List<Gpu>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length < 4 || !int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
                continue;
            double? megabytes = double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var mebibytes)
                ? Math.Round(mebibytes * 1.048576, 1) // nvidia-smi reports MiB; MLflow's megabytes are 10^6 bytes
                : null;
            gpus.Add(new Gpu(index, fields[1], megabytes, fields[3]));
        }
        return gpus;
    }

    private List<Gpu> FromDriverFiles()
    {
        var gpus = new List<Gpu>();
        var driver = context.Files.ReadText("/proc/driver/nvidia/version", out _)?.Split('\n')[0].Trim();
        var index = 0;
        foreach (var directory in context.Files.Directories("/proc/driver/nvidia/gpus").Order(StringComparer.Ordinal))
        {
            var information = context.Files.ReadText($"/proc/driver/nvidia/gpus/{Path.GetFileName(directory)}/information", out _);
            var model = information?.Split('\n').Select(l => l.Split(':', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Trim() == "Model")?[1].Trim();
            gpus.Add(new Gpu(index++, model ?? "NVIDIA GPU", null, driver));
        }
        return gpus;
    }
}
