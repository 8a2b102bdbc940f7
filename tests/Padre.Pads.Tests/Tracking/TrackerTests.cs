using Padre.Pads.Configuration;
using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Tracking;

/// <summary>The static root: tests here share process-wide state, so they run one at a time in their own collection.</summary>
[Collection(nameof(TrackerTests))]
[CollectionDefinition(nameof(TrackerTests), DisableParallelization = true)]
public sealed class TrackerTests
{
    private static RecordingStore Configure(bool disabled = false, bool defaultLoggers = false)
    {
        var store = new RecordingStore();
        Tracker.Configure(new TrackingOptions
        {
            SpoolDirectory = Directory.CreateTempSubdirectory("padre-tracker-").FullName,
            StoreFactory = (_, _) => store,
            FlushInterval = TimeSpan.FromMilliseconds(20),
            Disabled = disabled,
            DisabledLoggers = new HashSet<string>(defaultLoggers ? [] : ["all"], StringComparer.OrdinalIgnoreCase),
        });
        return store;
    }

    [Fact]
    public void Process_wide_tracker_runs_the_default_run_loggers()
    {
        var store = Configure(defaultLoggers: true);
        using (Tracker.StartRun("with-loggers", "loggers-exp"))
        {
            Tracker.LogMetric("m", 1);
        }

        Assert.True(Tracker.Flush(TimeSpan.FromSeconds(60)));
        var run = store.RunNamed("with-loggers");
        Assert.Contains(run.Metrics, m => m.Key == "resources/wall_time_seconds" && m.Value > 0);
        Assert.Contains(run.Metrics, m => m.Key == "system/system_memory_usage_megabytes" && m.Value > 0);
        Assert.True(int.Parse(run.Tags["padre.cpu.logical_cores"], System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public void Static_calls_go_to_the_active_run()
    {
        var store = Configure();
        using (Tracker.StartRun("static-run", "static-exp"))
        {
            Tracker.LogParam("p", "1");
            Tracker.LogMetric("m", 2);
            Tracker.SetTag("t", "3");
            Tracker.LogText("txt", "a.txt");
        }

        Assert.True(Tracker.Flush(TimeSpan.FromSeconds(30)));
        var run = store.RunNamed("static-run");
        Assert.Equal("1", run.Params["p"]);
        Assert.Equal(2, Assert.Single(run.Metrics).Value);
        Assert.Equal("3", run.Tags["t"]);
        Assert.True(run.Artifacts.ContainsKey("a.txt"));
        Assert.True(Tracker.IsEnabled);
    }

    [Fact]
    public void Delivery_counts_records_the_store_rejected_although_flush_succeeds()
    {
        var store = Configure();
        store.Reject = key => key == "refused";
        var before = Tracker.Delivery;
        using (Tracker.StartRun("delivery-run", "delivery-exp"))
        {
            Tracker.LogMetric("kept", 1);
            Tracker.LogMetric("refused", 2);
        }

        Assert.True(Tracker.Flush(TimeSpan.FromSeconds(30)));
        var after = Tracker.Delivery;
        Assert.Equal(1, after.Rejected - before.Rejected);
        Assert.True(after.Confirmed > before.Confirmed);
        Assert.Equal("kept", Assert.Single(store.RunNamed("delivery-run").Metrics).Key);
    }

    [Fact]
    public void Delivery_is_all_zero_when_tracking_is_disabled()
    {
        Configure(disabled: true);
        Tracker.LogMetric("m", 1);
        Assert.Equal(default, Tracker.Delivery);
    }

    [Fact]
    public void Run_helper_ends_failed_and_rethrows_when_the_body_throws()
    {
        var store = Configure();
        Assert.Throws<FormatException>(() => Tracker.Run("helper-fail", _ => throw new FormatException("bad csv")));
        Assert.Equal(42, Tracker.Run("helper-ok", _ => 42));
        Assert.True(Tracker.Flush(TimeSpan.FromSeconds(30)));
        Assert.Equal(RunStatus.Failed, store.RunNamed("helper-fail").Info.Status);
        Assert.Equal(RunStatus.Finished, store.RunNamed("helper-ok").Info.Status);
    }

    [Fact]
    public async Task RunAsync_helper_ends_failed_when_the_task_faults()
    {
        var store = Configure();
        await Assert.ThrowsAsync<TimeoutException>(() => Tracker.RunAsync("async-helper", async _ =>
        {
            await Task.Yield();
            throw new TimeoutException();
        }));
        Assert.True(await Tracker.FlushAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(RunStatus.Failed, store.RunNamed("async-helper").Info.Status);
    }

    [Fact]
    public void Disabled_tracker_is_a_no_op()
    {
        var store = Configure(disabled: true);
        Assert.False(Tracker.IsEnabled);
        using (Tracker.StartRun("nothing"))
        {
            Tracker.LogMetric("m", 1);
        }

        Assert.True(Tracker.Flush(TimeSpan.FromSeconds(1)));
        Assert.Empty(store.Runs);
    }

    [Fact]
    public void Sdk_messages_go_to_the_users_serilog_logger_when_one_is_configured()
    {
        var sink = new CollectingSink();
        var previous = Serilog.Log.Logger;
        Serilog.Log.Logger = new Serilog.LoggerConfiguration().WriteTo.Sink(sink).CreateLogger();
        try
        {
            Configure();
            using var run = Tracker.StartRun("serilog-run");
            run.LogParam("lr", "0.1");
            run.LogParam("lr", "0.2");
        }
        finally
        {
            Serilog.Log.Logger = previous;
        }

        Assert.Contains(sink.Events, e => e.Level == Serilog.Events.LogEventLevel.Warning && e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("\"lr\"", StringComparison.Ordinal));
    }

    private sealed class CollectingSink : Serilog.Core.ILogEventSink
    {
        public System.Collections.Concurrent.ConcurrentBag<Serilog.Events.LogEvent> Events { get; } = [];

        public void Emit(Serilog.Events.LogEvent logEvent) => Events.Add(logEvent);
    }
}
