using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;
using Padre.Pads.Tests.Loggers;
using Padre.Pads.Tests.Support;
using Padre.Pads.Tracking;

namespace Padre.Pads.Tests.Tracking;

/// <summary>
/// Heavy event-logger work (model saves, dataset scans) handed to the run's background worker with
/// <see cref="HookCall.InBackground"/>: the user's call returns at once, the work runs in order, its failures become the
/// logger's error tag, and the run's end waits for it, bounded, saying in a tag when the bound cut it.
/// </summary>
public sealed class BackgroundWorkTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static HookCall Call(IRunWriter run) =>
        new(new InterceptionSite("Program.cs", 7, 9, "Pipeline.Fit", Hook.Fit, "Fit", []), null, [], run, null);

    [Fact]
    public async Task A_slow_background_logger_does_not_hold_up_the_call()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("slow", null, null);
        using var gate = new ManualResetEventSlim();
        using var done = new ManualResetEventSlim();

        Call(run).InBackground(new NamedLogger("mlnet.model"), () =>
        {
            gate.Wait(Patience);
            run.LogParam("model.saved", "yes");
            done.Set();
        });
        var doneWhenTheCallReturned = done.IsSet;
        gate.Set();
        run.End();

        Assert.False(doneWhenTheCallReturned);
        Assert.True(t.Flush());
        Assert.Equal("yes", t.Store.RunNamed("slow").Params["model.saved"]);
    }

    [Fact]
    public async Task The_run_end_waits_for_background_work_so_it_holds_its_records()
    {
        var t = RecordingSession.Start();
        var run = t.Session.StartRun("complete", null, null);
        using var gate = new ManualResetEventSlim();
        Call(run).InBackground(new NamedLogger("mlnet.model"), () =>
        {
            gate.Wait(Patience);
            run.LogParam("model.saved", "yes");
            run.LogText("structure", "pipeline/fitted.txt");
        });

        var ending = Task.Run(() => run.End());
        var endedBeforeTheWorkRan = await Task.WhenAny(ending, Task.Delay(200)) == ending;
        gate.Set();
        await ending.WaitAsync(Patience);
        await t.DisposeAsync(); // closed: a record logged from now on would be dropped

        Assert.False(endedBeforeTheWorkRan);
        var stored = t.Store.RunNamed("complete");
        Assert.Equal("yes", stored.Params["model.saved"]);
        Assert.True(stored.Artifacts.ContainsKey("pipeline/fitted.txt"));
        Assert.Equal(RunStatus.Finished, stored.Info.Status);
        Assert.False(stored.Tags.ContainsKey("padre.background.cut"));
    }

    [Fact]
    public async Task While_the_run_ends_what_finished_background_work_logged_is_sent_before_the_rest_finishes()
    {
        // No periodic sending: only a wake-up sends before the run's own flush.
        await using var t = RecordingSession.Start(configure: o => o with { FlushInterval = TimeSpan.FromHours(1), FlushTimeout = TimeSpan.FromMinutes(2) });
        var run = t.Session.StartRun("overlap", null, null);
        Assert.True(t.Flush()); // the exporter's first pass is over: from now on only a wake-up sends
        using var saved = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        Call(run).InBackground(new NamedLogger("mlnet.model"), () =>
        {
            saved.Wait(Patience);
            run.LogParam("model.saved", "yes");
        });
        Call(run).InBackground(new NamedLogger("input"), () => gate.Wait(2 * Patience)); // outlasts Poll.Until

        var ending = Task.Run(() => run.End());
        saved.Set();
        var sentWhileTheScanRan = await Poll.Until(() => t.Store.Runs.Any(r => r.Params.ContainsKey("model.saved")));
        gate.Set();
        await ending.WaitAsync(Patience);

        Assert.True(sentWhileTheScanRan);
    }

    [Fact]
    public async Task A_run_ends_when_it_was_ended_not_when_its_background_work_finished()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("timed", null, null);
        using var gate = new ManualResetEventSlim();
        Call(run).InBackground(new NamedLogger("mlnet.model"), () => gate.Wait(Patience));
        using var release = new Timer(_ => gate.Set(), null, TimeSpan.FromSeconds(1.5), Timeout.InfiniteTimeSpan);

        var endedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        run.End(); // waits for the work, which the timer lets go 1.5 s from now
        var returnedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        Assert.True(t.Flush());
        var endTime = t.Store.RunNamed("timed").Info.EndTime;
        Assert.True(returnedAt - endedAt >= 1400, $"End returned after {returnedAt - endedAt} ms, before the work was let go");
        Assert.NotNull(endTime);
        Assert.InRange(endTime!.Value, endedAt, endedAt + 1000);
    }

    [Fact]
    public async Task A_logger_throwing_on_the_worker_is_reported_as_its_error_tag()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("throws", null, null);

        Call(run).InBackground(new NamedLogger("mlnet.evaluation"), () => throw new InvalidOperationException("no label column"));
        Call(run).InBackground(new NamedLogger("input"), () => run.LogParam("after", "still runs"));
        run.End();

        Assert.True(t.Flush());
        var stored = t.Store.RunNamed("throws");
        Assert.Equal("InvalidOperationException: no label column", stored.Tags["padre.logger.mlnet.evaluation.error"]);
        Assert.Equal("still runs", stored.Params["after"]);
    }

    [Fact]
    public async Task Background_work_runs_in_the_order_it_was_handed_over()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("ordered", null, null);
        var seen = new List<int>();
        for (var i = 0; i < 100; i++)
        {
            var item = i;
            Call(run).InBackground(new NamedLogger("input"), () => seen.Add(item));
        }

        run.End();

        Assert.Equal(Enumerable.Range(0, 100), seen);
    }

    [Fact]
    public async Task A_run_end_cut_by_the_flush_timeout_says_so_in_a_tag()
    {
        await using var t = RecordingSession.Start(configure: o => o with { FlushTimeout = TimeSpan.FromMilliseconds(100) });
        var run = t.Session.StartRun("cut", null, null);
        using var gate = new ManualResetEventSlim();
        Call(run).InBackground(new NamedLogger("mlnet.model"), () => gate.Wait(Patience));

        run.End();
        gate.Set();

        Assert.True(t.Flush());
        var cut = t.Store.RunNamed("cut").Tags["padre.background.cut"];
        Assert.Contains("mlnet.model", cut, StringComparison.Ordinal);
        Assert.True(t.ReportedWith("did not finish within"));
    }

    [Fact]
    public async Task Work_handed_over_after_the_run_ended_runs_on_the_callers_thread()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("late", null, null);
        run.End();
        var thread = -1;

        Call(run).InBackground(new NamedLogger("input"), () => thread = Environment.CurrentManagedThreadId);

        Assert.Equal(Environment.CurrentManagedThreadId, thread);
    }

    [Fact]
    public void Work_for_a_writer_that_is_not_a_tracker_run_runs_now_and_reports_its_failure()
    {
        var writer = new RecordingRunWriter();
        var thread = -1;

        Call(writer).InBackground(new NamedLogger("input"), () => thread = Environment.CurrentManagedThreadId);
        Call(writer).InBackground(new NamedLogger("mlnet.model"), () => throw new IOException("disk full"));

        Assert.Equal(Environment.CurrentManagedThreadId, thread);
        Assert.Equal("IOException: disk full", writer.Tag("padre.logger.mlnet.model.error"));
    }

    [Fact]
    public async Task Logging_from_the_worker_keeps_the_exception_an_async_scope_ends_with()
    {
        await using var t = RecordingSession.Start();
        var run = t.Session.StartRun("failing", null, null);
        using var gate = new ManualResetEventSlim();
        using var logged = new ManualResetEventSlim();
        Call(run).InBackground(new NamedLogger("mlnet.model"), () =>
        {
            gate.Wait(Patience);
            run.LogParam("model.saved", "yes");
            logged.Set();
        });
        run.LastException = new InvalidOperationException("thrown in the user's flow after the call");
        gate.Set();
        Assert.True(logged.Wait(Patience));

        await run.DisposeAsync();

        Assert.True(t.Flush());
        Assert.Equal(RunStatus.Failed, t.Store.RunNamed("failing").Info.Status);
        Assert.Equal("yes", t.Store.RunNamed("failing").Params["model.saved"]);
    }

    [Fact]
    public async Task A_full_worker_makes_the_caller_wait_for_room_instead_of_dropping_work()
    {
        var worker = new RunWorker((_, _) => { });
        using var gate = new ManualResetEventSlim();
        var ran = 0;
        for (var i = 0; i < RunWorker.Capacity; i++)
        {
            Assert.True(worker.TryPost("input", () =>
            {
                gate.Wait(Patience);
                Interlocked.Increment(ref ran);
            }));
        }

        var oneMore = Task.Run(() => worker.TryPost("mlnet.model", () => Interlocked.Increment(ref ran)));
        var postedWhileFull = await Task.WhenAny(oneMore, Task.Delay(200)) == oneMore;
        gate.Set();

        Assert.False(postedWhileFull);
        Assert.True(await oneMore.WaitAsync(Patience));
        Assert.True(worker.Close(Patience));
        Assert.Equal(RunWorker.Capacity + 1, ran);
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
