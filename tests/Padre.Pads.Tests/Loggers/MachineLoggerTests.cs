using System.Globalization;
using System.Net.NetworkInformation;
using System.Runtime.InteropServices;
using Padre.Pads.Loggers.Run;

namespace Padre.Pads.Tests.Loggers;

/// <summary>The os, host, cpu, memory, disk and gpu loggers against readings taken independently on this machine.</summary>
public sealed class MachineLoggerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Os_records_kernel_architecture_and_distribution_of_this_machine()
    {
        var run = new RecordingRunWriter();
        new OsLogger(TestContext.Real()).OnRunStarted(run);
        Assert.Equal(RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(), run.Tag("padre.os.architecture"));
        if (!OperatingSystem.IsLinux())
            return;
        Assert.Equal("Linux", run.Tag("padre.os.platform"));
        Assert.Equal(File.ReadAllText("/proc/sys/kernel/osrelease").Trim(), run.Tag("padre.os.kernel"));
        var prettyName = File.ReadAllLines("/etc/os-release").First(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))["PRETTY_NAME=".Length..].Trim('"');
        Assert.Equal(prettyName, run.Tag("padre.os.name"));
        Assert.False(string.IsNullOrEmpty(run.Tag("padre.os.container")));
    }

    [Fact]
    public void Os_with_missing_procfs_says_what_is_unavailable_and_records_the_rest()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var run = new RecordingRunWriter();
        new OsLogger(TestContext.With(root: _temp.Path)).OnRunStarted(run);
        var unavailable = run.Tag("padre.logger.os.unavailable");
        Assert.Contains("/proc/sys/kernel/osrelease could not be read (missing)", unavailable);
        Assert.Contains("/etc/os-release", unavailable);
        Assert.Equal("Linux", run.Tag("padre.os.platform"));
    }

    [Fact]
    public void Os_detects_a_container_from_its_marker_file()
    {
        if (!OperatingSystem.IsLinux())
            return;
        _temp.Write(".dockerenv", "");
        var run = new RecordingRunWriter();
        new OsLogger(TestContext.With(root: _temp.Path, environment: new Dictionary<string, string>())).OnRunStarted(run);
        Assert.Equal("docker", run.Tag("padre.os.container"));
    }

    [Fact]
    public void Host_records_machine_name_and_the_addresses_of_interfaces_that_are_up()
    {
        var run = new RecordingRunWriter();
        new HostLogger().OnRunStarted(run);
        Assert.Equal(Environment.MachineName, run.Tag("padre.host.name"));
        var expected = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Where(a => !System.Net.IPAddress.IsLoopback(a.Address))
            .Select(a => a.Address.ToString()).ToList();
        var recorded = run.Tag("padre.host.ip");
        if (expected.Count == 0)
            Assert.Equal("none", recorded);
        foreach (var address in expected)
            Assert.Contains(address, recorded);
        Assert.NotNull(run.Tag("padre.host.mac"));
    }

    [Fact]
    public void Cpu_counts_match_proc_cpuinfo_and_the_runtime()
    {
        var run = new RecordingRunWriter();
        new CpuLogger(TestContext.Real()).OnRunStarted(run);
        Assert.Equal(Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), run.Tag("padre.cpu.available_cores"));
        if (!OperatingSystem.IsLinux())
            return;
        var cpuinfo = File.ReadAllLines("/proc/cpuinfo");
        Assert.Equal(cpuinfo.Count(l => l.StartsWith("processor", StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture), run.Tag("padre.cpu.logical_cores"));
        var model = cpuinfo.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        if (model is not null)
            Assert.Equal(model.Split(':', 2)[1].Trim(), run.Tag("padre.cpu.model"));
        var physical = int.Parse(run.Tag("padre.cpu.physical_cores"), CultureInfo.InvariantCulture);
        Assert.InRange(physical, 1, Environment.ProcessorCount * 4);
    }

    [Fact]
    public void Cpu_parses_a_two_socket_cpuinfo_into_physical_and_logical_cores()
    {
        var text = string.Join("\n", Enumerable.Range(0, 8).Select(i =>
            $"processor\t: {i}\nmodel name\t: Test CPU @ 2.00GHz\nphysical id\t: {i / 4}\ncore id\t\t: {i % 2}\ncpu MHz\t\t: 1999.5\n"));
        var info = CpuInfo.Parse(text);
        Assert.Equal(new CpuInfo("Test CPU @ 2.00GHz", 8, 4, 1999.5), info);
    }

    [Fact]
    public void Cpu_with_unreadable_cpuinfo_reports_it_and_still_records_available_cores()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var run = new RecordingRunWriter();
        new CpuLogger(TestContext.With(root: _temp.Path)).OnRunStarted(run);
        Assert.Contains("/proc/cpuinfo could not be read (missing)", run.Tag("padre.logger.cpu.unavailable"));
        Assert.Equal(Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture), run.Tag("padre.cpu.available_cores"));
    }

    [Fact]
    public void Memory_matches_proc_meminfo_in_megabytes()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var run = new RecordingRunWriter();
        new MemoryLogger(TestContext.Real()).OnRunStarted(run);
        var meminfo = File.ReadAllLines("/proc/meminfo").Select(l => l.Split(':')).ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture));
        Assert.Equal(meminfo["MemTotal"] * 1024 / 1e6, double.Parse(run.Tag("padre.memory.total_megabytes"), CultureInfo.InvariantCulture), tolerance: 0.1);
        Assert.Equal(meminfo["SwapTotal"] * 1024 / 1e6, double.Parse(run.Tag("padre.memory.swap_total_megabytes"), CultureInfo.InvariantCulture), tolerance: 0.1);
        // Available memory moves between the two readings; a few hundred MB of drift on a busy machine is still a match.
        Assert.Equal(meminfo["MemAvailable"] * 1024 / 1e6, double.Parse(run.Tag("padre.memory.available_megabytes"), CultureInfo.InvariantCulture), tolerance: 500);
    }

    [Fact]
    public void Memory_reads_a_fake_meminfo_under_an_injected_root()
    {
        if (!OperatingSystem.IsLinux())
            return;
        _temp.Write("proc/meminfo", "MemTotal:        2000000 kB\nMemFree:          500000 kB\nMemAvailable:    1000000 kB\nSwapTotal:             0 kB\nSwapFree:              0 kB\n");
        var run = new RecordingRunWriter();
        new MemoryLogger(TestContext.With(root: _temp.Path)).OnRunStarted(run);
        Assert.Equal("2048.0", run.Tag("padre.memory.total_megabytes"));
        Assert.Equal("1024.0", run.Tag("padre.memory.available_megabytes"));
        Assert.Equal("0.0", run.Tag("padre.memory.swap_total_megabytes"));
        Assert.False(run.Tags.ContainsKey("padre.logger.memory.unavailable"));
    }

    [Fact]
    public void Memory_used_follows_psutils_formula()
    {
        var info = MemInfo.Parse("MemTotal: 1000 kB\nMemFree: 100 kB\nBuffers: 50 kB\nCached: 200 kB\nSReclaimable: 50 kB\n");
        Assert.Equal((1000 - 100 - 50 - 200 - 50) * 1024L, info.Used);
    }

    [Fact]
    public void Disk_matches_statvfs_of_the_working_directory_as_df_reports_it()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var run = new RecordingRunWriter();
        new DiskLogger(TestContext.With(workingDirectory: _temp.Path)).OnRunStarted(run);
        // df -B1 --output=size,avail,target: an independent statvfs reading of the same volume.
        var df = RunTool("df", "-B1", "--output=size,avail,target", _temp.Path).Split('\n')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(df[2], run.Tag("padre.disk.path").TrimEnd('/') is "" ? "/" : run.Tag("padre.disk.path").TrimEnd('/'));
        Assert.Equal(double.Parse(df[0], CultureInfo.InvariantCulture) / 1e6, double.Parse(run.Tag("padre.disk.total_megabytes"), CultureInfo.InvariantCulture), tolerance: 0.1);
        Assert.Equal(double.Parse(df[1], CultureInfo.InvariantCulture) / 1e6, double.Parse(run.Tag("padre.disk.free_megabytes"), CultureInfo.InvariantCulture), tolerance: 200);
    }

    [Fact]
    public void Gpu_on_a_machine_without_one_says_none_visible()
    {
        if (File.Exists("/proc/driver/nvidia/version") || ExternalCommand.Find("nvidia-smi", Environment.GetEnvironmentVariable("PATH")) is not null)
            return; // this machine has one; the parser tests below cover the format
        var run = new RecordingRunWriter();
        new GpuLogger(TestContext.Real()).OnRunStarted(run);
        Assert.Equal("0", run.Tag("padre.gpu.count"));
        Assert.Equal("none visible", run.Tag("padre.gpu.names"));
    }

    [Fact]
    public void Gpu_reads_models_from_the_nvidia_driver_files_when_nvidia_smi_is_absent()
    {
        _temp.Write("proc/driver/nvidia/version", "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.14\n");
        _temp.Write("proc/driver/nvidia/gpus/0000:01:00.0/information", "Model: \t\t NVIDIA A100-SXM4-40GB\nIRQ: 42\n");
        var run = new RecordingRunWriter();
        new GpuLogger(TestContext.With(root: _temp.Path, environment: new Dictionary<string, string> { ["PATH"] = "" })).OnRunStarted(run);
        Assert.Equal("1", run.Tag("padre.gpu.count"));
        Assert.Equal("NVIDIA A100-SXM4-40GB", run.Tag("padre.gpu.names"));
        Assert.Contains("550.54.14", run.Tag("padre.gpu.driver"));
    }

    [Fact]
    public void Gpu_parses_nvidia_smi_csv()
    {
        var gpus = GpuLogger.ParseNvidiaSmi("0, NVIDIA GeForce RTX 4090, 24564, 550.54.14\n1, Tesla T4, 15360, 550.54.14\n");
        Assert.Equal(2, gpus.Count);
        Assert.Equal(new GpuLogger.Gpu(1, "Tesla T4", Math.Round(15360 * 1.048576, 1), "550.54.14"), gpus[1]);
    }

    internal static string RunTool(string tool, params string[] arguments)
    {
        var output = ExternalCommand.Run(ExternalCommand.Find(tool, Environment.GetEnvironmentVariable("PATH"))!, arguments, null, TimeSpan.FromSeconds(10), out var why, out _);
        return output ?? throw new InvalidOperationException(why);
    }
}
