using System.Diagnostics;
using Padre.Pads.Configuration;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.Tests.Loggers;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Tracking;

/// <summary>The hooks' state lives under the tracker root; what survives <c>Tracker.Configure</c> and what does not.</summary>
[Collection(nameof(TrackerTests))]
public sealed class HookRegistryTests
{
    private static RecordingStore Configure(bool disabled = false)
    {
        var store = new RecordingStore();
        Tracker.Configure(new TrackingOptions
        {
            SpoolDirectory = Directory.CreateTempSubdirectory("padre-hooks-").FullName,
            StoreFactory = (_, _) => store,
            FlushInterval = TimeSpan.FromMilliseconds(20),
            Disabled = disabled,
            // Every default run logger off, by name: "all" would switch off the prediction counts too.
            DisabledLoggers = new HashSet<string>(DefaultRunLoggers.Names, StringComparer.OrdinalIgnoreCase),
        });
        return store;
    }

    private static InterceptionSite PredictSite(string step) =>
        new("Program.cs", 7, 9, "PredictionEngine.Predict", Hook.Predict, step, []);

    private static void CountCalls(InterceptionSite site, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            site.Record(Stopwatch.GetTimestamp());
        }
    }

    [Fact]
    public void Registered_event_loggers_stay_registered_when_the_tracker_is_reconfigured()
    {
        var logger = new NamedLogger("hook-registry-test");
        EventLoggers.Register(logger);
        try
        {
            Configure();
            Configure();

            Assert.Contains(logger, EventLoggers.Current);
        }
        finally
        {
            Assert.True(EventLoggers.Remove(logger.Name));
        }
    }

    [Fact]
    public void Reconfiguring_discards_prediction_counts_the_old_session_left()
    {
        Configure();
        var site = PredictSite("PredictLeftOver");
        CountCalls(site, 5);

        Configure();
        var run = new RecordingRunWriter();
        Interception.FlushSiteStatistics(run);

        Assert.DoesNotContain(run.Metrics, m => m.Key.StartsWith("timing.PredictLeftOver", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_tracker_session_writes_prediction_counts_into_its_runs()
    {
        var site = PredictSite("PredictPerSession");
        var first = Configure();
        using (Tracker.StartRun("first-session-run", "hooks-exp"))
        {
            CountCalls(site, 3);
        }

        Assert.True(Tracker.Flush(TimeSpan.FromSeconds(30)));
        var second = Configure();
        using (Tracker.StartRun("second-session-run", "hooks-exp"))
        {
            CountCalls(site, 2);
        }

        Assert.True(Tracker.Flush(TimeSpan.FromSeconds(30)));
        Assert.Equal(3, Assert.Single(first.RunNamed("first-session-run").Metrics, m => m.Key == "timing.PredictPerSession.calls").Value);
        Assert.Equal(2, Assert.Single(second.RunNamed("second-session-run").Metrics, m => m.Key == "timing.PredictPerSession.calls").Value);
    }

    [Fact]
    public void Interception_follows_the_tracker_switched_off_and_on()
    {
        Interception.Attach(TrackerHookHost.Instance);
        try
        {
            Configure(disabled: true);
            Assert.False(Interception.IsEnabled);

            Configure();
            Assert.True(Interception.IsEnabled);
        }
        finally
        {
            Interception.Attach(null);
        }
    }

    [Fact]
    public void UseTracker_is_provisionally_on_until_a_hooked_call_finds_tracking_disabled()
    {
        Configure(disabled: true);
        Interception.Attach(null);
        try
        {
            Interception.UseTracker();
            Assert.True(Interception.IsEnabled);

            Assert.Null(Interception.Begin(PredictSite("PredictOff"), null, []));
            Assert.False(Interception.IsEnabled);
        }
        finally
        {
            Interception.Attach(null);
        }
    }

    private sealed class NamedLogger(string name) : IEventLogger
    {
        public string Name => name;

        public HookEvents Events => HookEvents.None;

        public void OnCall(HookCall call, IRunWriter run)
        {
        }
    }
}
