using Padre.Pads.Loggers.Run;
using Padre.Pads.Stores;

namespace Padre.Pads.Tests.Loggers;

public sealed class SystemMetricsLoggerTests : IDisposable
{
    private static readonly string[] MlflowKeys =
    [
        "system/cpu_utilization_percentage", "system/system_memory_usage_megabytes", "system/system_memory_usage_percentage",
        "system/disk_usage_megabytes", "system/disk_usage_percentage", "system/disk_available_megabytes",
        "system/network_receive_megabytes", "system/network_transmit_megabytes",
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Samples_on_the_timer_with_mlflows_keys_and_consecutive_steps()
    {
        var run = new RecordingRunWriter();
        var logger = new SystemMetricsLogger(TestContext.With(environment: TestContext.EnvironmentWith(("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL", "0.05"))));
        logger.OnRunStarted(run);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (run.Metrics.Select(m => m.Step).Distinct().Count() < 3 && waited.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(20);
        logger.OnRunEnding(run, RunStatus.Finished);

        var keys = run.Metrics.Select(m => m.Key).ToHashSet();
        if (OperatingSystem.IsLinux())
            Assert.Superset(MlflowKeys.ToHashSet(), keys);
        var steps = run.Metrics.Select(m => m.Step).Distinct().Order().ToList();
        Assert.True(steps.Count >= 3, $"only {steps.Count} points in {waited.Elapsed}");
        Assert.Equal(Enumerable.Range(0, steps.Count).Select(i => (long)i), steps);
        Assert.All(run.Metrics.Where(m => m.Key.EndsWith("percentage", StringComparison.Ordinal)), m => Assert.InRange(m.Value, 0, 100));
    }

    [Fact]
    public void A_run_shorter_than_the_interval_still_gets_one_point()
    {
        var run = new RecordingRunWriter();
        var logger = new SystemMetricsLogger(TestContext.Real());
        logger.OnRunStarted(run);
        logger.OnRunEnding(run, RunStatus.Finished);
        Assert.Contains(run.Metrics, m => m.Key == "system/system_memory_usage_megabytes" && m.Step == 0);
        Assert.Contains(run.Metrics, m => m.Key == "system/disk_available_megabytes" && m.Step == 0);
        Assert.All(run.Metrics, m => Assert.Equal(0, m.Step));
    }

    [Fact]
    public void No_point_is_logged_after_the_run_ended()
    {
        var run = new RecordingRunWriter();
        var logger = new SystemMetricsLogger(TestContext.With(environment: TestContext.EnvironmentWith(("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL", "0.01"))));
        logger.OnRunStarted(run);
        logger.OnRunEnding(run, RunStatus.Finished);
        var count = run.Metrics.Count;
        Thread.Sleep(100);
        Assert.Equal(count, run.Metrics.Count);
    }

    [Fact]
    public void Memory_and_network_follow_psutils_definitions_on_a_fake_procfs()
    {
        if (!OperatingSystem.IsLinux())
            return;
        _temp.Write("proc/meminfo", "MemTotal: 4000000 kB\nMemFree: 1000000 kB\nBuffers: 100000 kB\nCached: 800000 kB\nSReclaimable: 100000 kB\nMemAvailable: 1900000 kB\n");
        _temp.Write("proc/stat", "cpu  100 0 100 800 0 0 0 0 0 0\n");
        _temp.Write("proc/net/dev", "Inter-|   Receive\n face |bytes\n    lo: 1000 1 0 0 0 0 0 0 1000 1 0 0 0 0 0 0\n  eth0: 5000000 1 0 0 0 0 0 0 2000000 1 0 0 0 0 0 0\n");
        var run = new RecordingRunWriter();
        var logger = new SystemMetricsLogger(TestContext.With(root: _temp.Path));
        logger.OnRunStarted(run);
        logger.OnRunEnding(run, RunStatus.Finished);
        var metrics = run.Metrics.ToDictionary(m => m.Key, m => m.Value);
        var used = (4000000 - 1000000 - 100000 - 800000 - 100000) * 1024.0;
        Assert.Equal(Math.Round(used / 1e6, 1), metrics["system/system_memory_usage_megabytes"]);
        Assert.Equal(Math.Round(used / (4000000 * 1024.0) * 100, 1), metrics["system/system_memory_usage_percentage"]);
        Assert.Equal(0, metrics["system/network_receive_megabytes"]);
        Assert.False(metrics.ContainsKey("system/cpu_utilization_percentage")); // no time passed in a frozen /proc/stat
    }

    [Fact]
    public void Missing_procfs_is_reported_once_and_the_disk_is_still_sampled()
    {
        if (!OperatingSystem.IsLinux())
            return;
        var run = new RecordingRunWriter();
        var logger = new SystemMetricsLogger(TestContext.With(root: _temp.Path));
        logger.OnRunStarted(run);
        logger.OnRunEnding(run, RunStatus.Finished);
        var unavailable = run.Tag("padre.logger.system-metrics.unavailable");
        Assert.Contains("/proc/meminfo could not be read (missing)", unavailable);
        Assert.Contains("/proc/stat could not be read (missing)", unavailable);
        Assert.Contains(run.Metrics, m => m.Key == "system/disk_usage_percentage");
    }

    [Fact]
    public void Node_id_goes_into_the_key_as_in_mlflow()
    {
        var run = new RecordingRunWriter();
        var logger = new SystemMetricsLogger(TestContext.With(environment: TestContext.EnvironmentWith(("MLFLOW_SYSTEM_METRICS_NODE_ID", "node_0"))));
        logger.OnRunStarted(run);
        logger.OnRunEnding(run, RunStatus.Finished);
        Assert.Contains(run.Metrics, m => m.Key == "system/node_0/disk_usage_percentage");
    }

    [Fact]
    public void An_unusable_interval_is_reported_with_the_fix_and_the_default_used()
    {
        var run = new RecordingRunWriter();
        var logger = new SystemMetricsLogger(TestContext.With(environment: TestContext.EnvironmentWith(("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL", "ten"))));
        logger.OnRunStarted(run);
        logger.OnRunEnding(run, RunStatus.Finished);
        Assert.Contains("MLFLOW_SYSTEM_METRICS_SAMPLING_INTERVAL='ten' is not a positive number of seconds", run.Tag("padre.logger.system-metrics.unavailable"));
    }

    [Fact]
    public void A_reading_within_one_clock_tick_of_the_previous_waits_for_the_next_tick()
    {
        if (!OperatingSystem.IsLinux())
            return;
        _temp.Write("proc/stat", "cpu  100 0 100 800 0 0 0 0 0 0\n");
        var waits = 0;
        var sampler = new SystemSampler(TestContext.With(root: _temp.Path), wait: _ =>
        {
            // The kernel's counters move on while the sampler waits: 50 busy and 50 idle ticks later.
            if (++waits == 1)
                _temp.Write("proc/stat", "cpu  150 0 100 850 0 0 0 0 0 0\n");
        });

        var metrics = sampler.Sample([]);

        Assert.Equal(1, waits);
        Assert.Equal(50.0, metrics["cpu_utilization_percentage"]);
    }

    [Fact]
    public void Cpu_utilization_is_busy_time_over_total_time_from_proc_stat()
    {
        var before = SystemSampler.ParseProcStat("cpu  100 0 100 800 0 0 0 0 0 0\ncpu0 1 2 3 4\n", out _)!.Value;
        var after = SystemSampler.ParseProcStat("cpu  150 0 150 850 50 0 0 0 0 0\n", out _)!.Value;
        Assert.Equal(50.0, (after.Busy - before.Busy) / (after.Total - before.Total) * 100);
    }

    [Fact]
    public void Gpu_sample_uses_mlflows_gpu_keys()
    {
        var metrics = SystemSampler.ParseGpuSample("0, 1024, 4096, 37, 70.5, 141, \n1, [N/A], [N/A], 5, [N/A], [N/A]\n");
        Assert.Equal(25.0, metrics["gpu_0_memory_usage_percentage"]);
        Assert.Equal(1024 * 1.048576, metrics["gpu_0_memory_usage_megabytes"], 6);
        Assert.Equal(37, metrics["gpu_0_utilization_percentage"]);
        Assert.Equal(70.5, metrics["gpu_0_power_usage_watts"]);
        Assert.Equal(50.0, metrics["gpu_0_power_usage_percentage"]);
        Assert.Equal(5, metrics["gpu_1_utilization_percentage"]);
        Assert.False(metrics.ContainsKey("gpu_1_memory_usage_percentage"));
    }
}
