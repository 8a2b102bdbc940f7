using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.Loggers.Run;
using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;
using Padre.Pads.Tracking;

namespace Padre.Pads.Tests.Tracking;

/// <summary>
/// The session's background work (store writes, the run loggers that read the machine, model saves and dataset scans)
/// holds back while the program starts up and trains, and begins as soon as it is needed: when the delay passed, a run
/// ends, a flush is asked for or a queue nears its bound. Records still reach the spool meanwhile.
/// </summary>
public sealed class BackgroundStartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // Long enough that only the behaviour under test can open it within a test.
    private static readonly TimeSpan Forever = TimeSpan.FromHours(1);

    // How long a test watches for work that must not happen; the exporter's interval in these sessions is 20 ms.
    private static readonly TimeSpan Watch = TimeSpan.FromMilliseconds(300);

    private static RecordingSession HeldBack(RecordingStore? store = null, Func<Padre.Pads.Configuration.TrackingOptions, Padre.Pads.Configuration.TrackingOptions>? configure = null) =>
        RecordingSession.Start(store, configure: o => (configure?.Invoke(o) ?? o) with { BackgroundDelay = Forever });

    private static HookCall Call(IRunWriter run) =>
        new(new InterceptionSite("Program.cs", 7, 9, "Pipeline.Fit", Hook.Fit, "Fit", []), null, [], run, null);

    [Fact]
    public void A_zero_delay_lets_background_work_begin_at_once()
    {
        var start = new BackgroundStart(TimeSpan.Zero);

        Assert.True(start.IsOpen);
        Assert.True(start.Opened.IsCompleted);
    }

    [Fact]
    public async Task The_delay_passing_lets_a_sessions_background_work_begin_by_itself()
    {
        await using var t = RecordingSession.Start(configure: o => o with { BackgroundDelay = TimeSpan.FromMilliseconds(50) });
        var run = t.Session.StartRun("later", null, null);
        run.LogParam("alpha", "0.1");

        await t.Session.Background.Opened.WaitAsync(Patience);
        var sent = await Poll.Until(() => t.Store.Runs.Any(r => r.Params.ContainsKey("alpha")));

        Assert.True(sent);
    }

    [Fact]
    public void The_delay_left_counts_down_and_opening_when_due_waits_for_it()
    {
        var start = new BackgroundStart(Forever);

        start.OpenIfDue();

        Assert.False(start.IsOpen);
        Assert.InRange(start.Remaining, Forever - TimeSpan.FromMinutes(1), Forever);
    }

    [Fact]
    public void Opening_early_lets_background_work_begin_for_good()
    {
        var start = new BackgroundStart(Forever);
        var openBefore = start.IsOpen;

        start.Open();
        start.Open();

        Assert.False(openBefore);
        Assert.True(start.IsOpen);
    }

    [Fact]
    public async Task Nothing_reaches_the_store_while_background_work_holds_back_but_the_spool_has_it()
    {
        var store = new RecordingStore();
        await using var t = HeldBack(store);
        var run = t.Session.StartRun("quiet", null, null);
        run.LogMetric("loss", 0.5);

        var spooled = await Poll.Until(() => SpoolText(t.SpoolDirectory).Contains("loss", StringComparison.Ordinal));
        await Task.Delay(Watch);

        Assert.True(spooled);
        Assert.Empty(store.Runs);
        Assert.False(t.Session.Background.IsOpen);
    }

    [Fact]
    public async Task A_flush_sends_what_waited_without_waiting_for_the_delay()
    {
        await using var t = HeldBack();
        var run = t.Session.StartRun("flushed", null, null);
        run.LogParam("alpha", "0.1");

        Assert.True(t.Flush());

        Assert.Equal("0.1", t.Store.RunNamed("flushed").Params["alpha"]);
        Assert.True(t.Session.Background.IsOpen);
    }

    [Fact]
    public async Task The_run_end_runs_the_held_back_run_loggers_and_background_work_and_records_them()
    {
        await using var t = HeldBack();
        var probe = new ProbeLogger("probe");
        t.Session.AddRunLogger(probe);
        var run = t.Session.StartRun("ending", null, null);
        var workRan = 0;
        Call(run).InBackground(new NamedLogger("mlnet.model"), () =>
        {
            Interlocked.Exchange(ref workRan, 1);
            run.LogParam("model.saved", "yes");
        });

        await Task.Delay(Watch);
        var startedWhileHeldBack = probe.Started;
        var workRanWhileHeldBack = Volatile.Read(ref workRan) == 1;
        run.End();

        Assert.False(startedWhileHeldBack);
        Assert.False(workRanWhileHeldBack);
        Assert.True(t.Flush());
        var stored = t.Store.RunNamed("ending");
        Assert.Equal("yes", stored.Params["model.saved"]);
        Assert.Equal("yes", stored.Tags["probe.started"]);
        Assert.Equal(RunStatus.Finished, stored.Info.Status);
    }

    [Fact]
    public async Task Run_loggers_that_mark_the_start_moment_start_with_the_run_while_the_rest_hold_back()
    {
        await using var t = HeldBack();
        var moment = new ProbeLogger("resources");
        var machine = new ProbeLogger("os");
        t.Session.AddRunLogger(new DeferredRunLogger("resources", new Lazy<IRunLogger>(() => moment)) { StartsWithRun = true });
        t.Session.AddRunLogger(new DeferredRunLogger("os", new Lazy<IRunLogger>(() => machine)));

        var run = t.Session.StartRun("moments", null, null);
        var momentStarted = await Poll.Until(() => moment.Started);
        var machineStarted = machine.Started;
        run.End();

        Assert.True(momentStarted);
        Assert.False(machineStarted);
        Assert.True(machine.Started);
    }

    [Fact]
    public async Task A_record_queue_half_full_lets_the_exporter_begin()
    {
        await using var t = HeldBack(configure: o => o with { QueueCapacity = 64 });
        var run = t.Session.StartRun("busy", null, null);
        for (var i = 0; i < 32; i++)
        {
            run.LogMetric("loss", i, i);
        }

        var sent = await Poll.Until(() => t.Store.Runs.Any(r => r.Metrics.Count > 0));

        Assert.True(sent);
        Assert.True(t.Session.Background.IsOpen);
    }

    [Fact]
    public async Task A_full_background_worker_begins_its_work_instead_of_making_the_caller_wait_for_the_delay()
    {
        await using var t = HeldBack();
        var run = t.Session.StartRun("many", null, null);
        var ran = 0;

        var posting = Task.Run(() =>
        {
            for (var i = 0; i < RunWorker.Capacity + 8; i++)
            {
                Call(run).InBackground(new NamedLogger("input"), () => Interlocked.Increment(ref ran));
            }
        });
        await posting.WaitAsync(Patience);
        run.End();

        Assert.True(t.Session.Background.IsOpen);
        Assert.Equal(RunWorker.Capacity + 8, Volatile.Read(ref ran));
    }

    [Fact]
    public async Task Closing_the_session_sends_what_waited()
    {
        var store = new RecordingStore();
        var t = HeldBack(store);
        var run = t.Session.StartRun("closing", null, null);
        run.LogMetric("loss", 0.25);

        await t.DisposeAsync();

        var stored = store.RunNamed("closing");
        Assert.Equal(0.25, Assert.Single(stored.Metrics).Value);
        Assert.Equal(RunStatus.Finished, stored.Info.Status);
    }

    private static string SpoolText(string directory) =>
        string.Concat(Directory.EnumerateFiles(directory, "*.spool").Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));

    private sealed class ProbeLogger(string name) : IRunLogger
    {
        private int started;

        public string Name => name;

        public bool Started => Volatile.Read(ref started) == 1;

        public void OnRunStarted(IRunWriter run)
        {
            Interlocked.Exchange(ref started, 1);
            run.SetTag("probe.started", "yes");
        }

        public void OnRunEnding(IRunWriter run, RunStatus status)
        {
        }
    }

    private sealed class NamedLogger(string name) : IEventLogger
    {
        public string Name => name;

        public HookEvents Events => HookEvents.Output;

        public void OnCall(HookCall call, IRunWriter run)
        {
        }
    }
}
