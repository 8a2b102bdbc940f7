using System.Globalization;
using System.Net.NetworkInformation;

namespace Padre.Pads.Loggers.Run;

/// <summary>
/// Takes one reading of the machine with MLflow's metric names and units (psutil's definitions): CPU utilisation
/// since the previous reading, memory used, disk use of the root volume, network bytes since the sampler was created.
/// </summary>
internal sealed class SystemSampler
{
    private readonly RunLoggerContext _context;
    private readonly string _diskRoot;
    private readonly string? _nvidiaSmi;
    private readonly (double Receive, double Transmit)? _networkAtStart;
    private readonly Action<TimeSpan> _wait;
    private CpuTimes? _previousCpu;

    // /proc/stat counts in ticks of the kernel's clock (USER_HZ, 100 per second): two readings within one tick show no
    // time passed. A run that ends that soon (a half-second program's only point) waits for the next tick.
    private static readonly TimeSpan TickWait = TimeSpan.FromMilliseconds(10);
    private const int TickWaits = 3;

    /// <param name="context">What the machine is read from.</param>
    /// <param name="wait">How a reading within one clock tick of the previous waits for the next (tests replace it).</param>
    public SystemSampler(RunLoggerContext context, Action<TimeSpan>? wait = null)
    {
        _context = context;
        _wait = wait ?? Thread.Sleep;
        // MLflow reads psutil.disk_usage(os.sep): the root of the current volume.
        _diskRoot = Path.GetPathRoot(Path.GetFullPath(context.WorkingDirectory)) ?? "/";
        _nvidiaSmi = context.FindTool("nvidia-smi");
        _networkAtStart = ReadNetwork(out _);
        _previousCpu = ReadCpu(out _);
    }

    /// <summary>Metric name (without <c>system/</c>) to value; what could not be read is named in <paramref name="problems"/>.</summary>
    public Dictionary<string, double> Sample(List<string> problems)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        SampleCpu(metrics, problems);
        SampleMemory(metrics, problems);
        SampleDisk(metrics, problems);
        SampleNetwork(metrics, problems);
        if (_nvidiaSmi is not null)
            SampleGpus(metrics, problems);
        return metrics;
    }

    private void SampleCpu(Dictionary<string, double> metrics, List<string> problems)
    {
        var now = ReadCpu(out var why);
        if (now is null)
        {
            problems.Add("cpu_utilization_percentage: " + why);
            return;
        }
        var previous = _previousCpu;
        for (var waits = 0; previous is not null && now.Value.Total <= previous.Value.Total && waits < TickWaits; waits++)
        {
            _wait(TickWait);
            now = ReadCpu(out why) ?? now;
        }
        _previousCpu = now;
        if (previous is null)
            return;
        var total = now.Value.Total - previous.Value.Total;
        var busy = now.Value.Busy - previous.Value.Busy;
        if (total > 0)
            metrics["cpu_utilization_percentage"] = Math.Round(Math.Clamp(busy / total * 100, 0, 100), 1);
    }

    // /proc/stat's first line as psutil reads it: busy = total - idle - iowait, guest time already inside user time.
    private CpuTimes? ReadCpu(out string why)
    {
        if (OperatingSystem.IsLinux())
        {
            var stat = _context.Files.ReadText("/proc/stat", out why);
            if (stat is null)
                return null;
            return ParseProcStat(stat, out why);
        }
        // Elsewhere .NET offers only this process's CPU time; it is the best honest reading without native calls.
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        why = "";
        var wall = Environment.TickCount64 / 1000.0 * Environment.ProcessorCount;
        return new CpuTimes(wall, self.TotalProcessorTime.TotalSeconds);
    }

    internal static CpuTimes? ParseProcStat(string stat, out string why)
    {
        var line = stat.Split('\n').FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => double.TryParse(f, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0).ToArray();
        if (fields is null || fields.Length < 4)
        {
            why = "/proc/stat has no aggregate 'cpu' line";
            return null;
        }
        why = "";
        // user nice system idle iowait irq softirq steal guest guest_nice
        var total = fields.Take(Math.Min(fields.Length, 8)).Sum();
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        return new CpuTimes(total, total - idle);
    }

    private void SampleMemory(Dictionary<string, double> metrics, List<string> problems)
    {
        long? total = null, used = null;
        if (OperatingSystem.IsLinux())
        {
            var text = _context.Files.ReadText("/proc/meminfo", out var why);
            if (text is null)
            {
                problems.Add("system_memory_usage: " + why);
                return;
            }
            var info = MemInfo.Parse(text);
            (total, used) = (info.Total, info.Used);
        }
        else
        {
            var gc = GC.GetGCMemoryInfo();
            (total, used) = (gc.TotalAvailableMemoryBytes, gc.MemoryLoadBytes);
        }
        if (total is not > 0 || used is null)
        {
            problems.Add("system_memory_usage: total or used memory unknown");
            return;
        }
        metrics["system_memory_usage_megabytes"] = Megabytes.Of(used.Value);
        metrics["system_memory_usage_percentage"] = Math.Round((double)used.Value / total.Value * 100, 1);
    }

    // psutil.disk_usage: used = total - free-for-root; percent of what the user could have; free = free-for-user.
    private void SampleDisk(Dictionary<string, double> metrics, List<string> problems)
    {
        try
        {
            var drive = new DriveInfo(_diskRoot);
            double used = drive.TotalSize - drive.TotalFreeSpace;
            double free = drive.AvailableFreeSpace;
            metrics["disk_usage_percentage"] = used + free > 0 ? Math.Round(used / (used + free) * 100, 1) : 0;
            metrics["disk_usage_megabytes"] = Megabytes.Of(used);
            metrics["disk_available_megabytes"] = Megabytes.Of(free);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            problems.Add($"disk_usage: {_diskRoot} could not be read ({e.Message})");
        }
    }

    // Like MLflow: megabytes received and sent since monitoring started, not per interval.
    private void SampleNetwork(Dictionary<string, double> metrics, List<string> problems)
    {
        var now = ReadNetwork(out var why);
        if (now is null || _networkAtStart is null)
        {
            problems.Add("network: " + why);
            return;
        }
        metrics["network_receive_megabytes"] = now.Value.Receive - _networkAtStart.Value.Receive;
        metrics["network_transmit_megabytes"] = now.Value.Transmit - _networkAtStart.Value.Transmit;
    }

    private (double Receive, double Transmit)? ReadNetwork(out string why)
    {
        if (OperatingSystem.IsLinux())
        {
            var dev = _context.Files.ReadText("/proc/net/dev", out why);
            return dev is null ? null : ParseNetDev(dev);
        }
        try
        {
            why = "";
            double receive = 0, transmit = 0;
            foreach (var network in NetworkInterface.GetAllNetworkInterfaces())
            {
                var statistics = network.GetIPStatistics();
                receive += statistics.BytesReceived;
                transmit += statistics.BytesSent;
            }
            return (receive / 1e6, transmit / 1e6);
        }
        catch (Exception e) when (e is NetworkInformationException or PlatformNotSupportedException or IOException)
        {
            why = e.Message;
            return null;
        }
    }

    /// <summary>Megabytes received and sent over all interfaces (loopback included, as psutil counts).</summary>
    internal static (double Receive, double Transmit) ParseNetDev(string text)
    {
        double receive = 0, transmit = 0;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
                continue;
            var fields = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 9)
                continue;
            receive += double.Parse(fields[0], CultureInfo.InvariantCulture);
            transmit += double.Parse(fields[8], CultureInfo.InvariantCulture);
        }
        return (receive / 1e6, transmit / 1e6);
    }

    private void SampleGpus(Dictionary<string, double> metrics, List<string> problems)
    {
        var output = ExternalCommand.Run(_nvidiaSmi!, ["--query-gpu=index,memory.used,memory.total,utilization.gpu,power.draw,power.limit", "--format=csv,noheader,nounits"],
            null, _context.ToolTimeout, out var why, out _);
        if (output is null)
        {
            problems.Add("gpu: " + why);
            return;
        }
        foreach (var (key, value) in ParseGpuSample(output))
            metrics[key] = value;
    }

    /// <summary>MLflow's GPU keys from nvidia-smi's <c>index, memory.used, memory.total, utilization.gpu, power.draw, power.limit</c>.</summary>
    internal static Dictionary<string, double> ParseGpuSample(string output)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split(',', StringSplitOptions.TrimEntries);
            if (f.Length < 6 || !int.TryParse(f[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
                continue;
            if (Number(f[1]) is { } usedMib && Number(f[2]) is { } totalMib && totalMib > 0)
            {
                metrics[$"gpu_{i}_memory_usage_percentage"] = Math.Round(usedMib / totalMib * 100, 1);
                metrics[$"gpu_{i}_memory_usage_megabytes"] = usedMib * 1.048576; // MiB to MLflow's 10^6-byte megabytes
            }
            if (Number(f[3]) is { } utilization)
                metrics[$"gpu_{i}_utilization_percentage"] = utilization;
            if (Number(f[4]) is { } watts)
            {
                metrics[$"gpu_{i}_power_usage_watts"] = watts;
                if (Number(f[5]) is { } limit && limit > 0)
                    metrics[$"gpu_{i}_power_usage_percentage"] = watts / limit * 100;
            }
        }
        return metrics;
    }

    // nvidia-smi writes "[N/A]" or "[Not Supported]" for what a card does not report.
    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    internal readonly record struct CpuTimes(double Total, double Busy);
}
