using Padre.Pads.Loggers;
using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Tracking;

public sealed class RunLoggerTests
{
    private sealed class ProbeLogger(string name, bool fail = false) : IRunLogger
    {
        public string Name => name;

        public List<string> Calls { get; } = [];

        public int CallerThread { get; set; }

        public void OnRunStarted(IRunWriter run)
        {
            lock (Calls)
            {
                Calls.Add("start");
            }

            if (fail)
            {
                throw new InvalidOperationException("git is not installed");
            }

            run.SetTag("probe.start", Environment.CurrentManagedThreadId == CallerThread ? "caller" : "background");
        }

        public void OnRunEnding(IRunWriter run, RunStatus status)
        {
            lock (Calls)
            {
                Calls.Add("end:" + status);
            }

            run.LogMetric("probe.end", 1);
        }
    }

    [Fact]
    public async Task Run_loggers_run_in_the_background_at_start_and_before_the_end_of_top_level_runs()
    {
        await using var t = RecordingSession.Start();
        var probe = new ProbeLogger("probe") { CallerThread = Environment.CurrentManagedThreadId };
        t.Session.AddRunLogger(probe);
        using (t.Session.StartRun("top", null, null))
        {
            t.Session.StartRun("nested", null, null).End();
        }

        Assert.True(t.Flush());
        Assert.Equal(["start", "end:Finished"], probe.Calls);
        var top = t.Store.RunNamed("top");
        Assert.Equal("background", top.Tags["probe.start"]);
        Assert.Single(top.Metrics, m => m.Key == "probe.end");
    }

    [Fact]
    public async Task Failing_run_logger_is_reported_as_a_tag_and_the_run_goes_on()
    {
        await using var t = RecordingSession.Start();
        t.Session.AddRunLogger(new ProbeLogger("git", fail: true));
        using (var run = t.Session.StartRun("with-broken-logger", null, null))
        {
            run.LogMetric("m", 1);
        }

        Assert.True(t.Flush());
        var stored = t.Store.RunNamed("with-broken-logger");
        Assert.Equal(RunStatus.Finished, stored.Info.Status);
        Assert.Contains("git is not installed", stored.Tags["padre.logger.git.error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logger_named_in_PADRE_LOGGERS_DISABLED_is_not_run()
    {
        await using var t = RecordingSession.Start(configure: o => o with { DisabledLoggers = new HashSet<string>(["probe"]) });
        var probe = new ProbeLogger("probe");
        t.Session.AddRunLogger(probe);
        t.Session.StartRun("quiet", null, null).End();
        Assert.Empty(probe.Calls);
    }
}
