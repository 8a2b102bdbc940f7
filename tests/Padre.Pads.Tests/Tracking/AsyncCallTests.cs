using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;
using Padre.Pads.Tests.Loggers;

namespace Padre.Pads.Tests.Tracking;

/// <summary>
/// A call that returns a task (an async experiment, an async [Track] method) is recorded, and an experiment's run
/// ended, when the task completes; the task handed back completes only after that, so code that waits for it, even by
/// blocking, finds the run ended.
/// </summary>
[Collection(nameof(TrackerTests))]
public sealed class AsyncCallTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static HookCall Call(RecordingRunWriter run, IRunScope? ownRun = null) =>
        new(new InterceptionSite("Program.cs", 3, 5, "Program.TrainAsync", Hook.Log, "TrainAsync", []), null, [], run, ownRun);

    [Fact]
    public async Task The_task_handed_back_completes_only_after_the_experiments_run_ended()
    {
        var run = new RecordingRunWriter();
        using var gate = new ManualResetEventSlim();
        var scope = new GatedScope(run, gate);
        var source = new TaskCompletionSource<int>();
        var handed = Call(run, scope).CompleteAsync(source.Task);

        var completing = Task.Run(() => source.SetResult(7));
        Assert.True(scope.Ending.Wait(Patience));
        var completedWhileEnding = handed.IsCompleted;
        gate.Set();

        Assert.False(completedWhileEnding);
        Assert.Equal(7, await handed);
        Assert.Equal(RunStatus.Finished, scope.Status);
        await completing;
    }

    [Fact]
    public async Task A_faulted_task_fails_the_experiments_run_before_the_caller_sees_its_exception()
    {
        var run = new RecordingRunWriter();
        var scope = new GatedScope(run, gate: null);
        var source = new TaskCompletionSource();
        var failure = new InvalidOperationException("diverged");
        var handed = Call(run, scope).CompleteAsync(source.Task);

        _ = Task.Run(() => source.SetException(failure));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => handed);
        Assert.Same(failure, thrown);
        Assert.Equal(RunStatus.Failed, scope.Status);
        Assert.Contains("diverged", run.Tags["padre.error.TrainAsync"]);
    }

    [Fact]
    public void A_task_already_faulted_when_returned_fails_the_run()
    {
        var run = new RecordingRunWriter();
        var scope = new GatedScope(run, gate: null);

        var handed = Call(run, scope).CompleteAsync(Task.FromException(new InvalidOperationException("at once")));

        Assert.True(handed.IsFaulted);
        Assert.Equal(RunStatus.Failed, scope.Status);
    }

    [Fact]
    public async Task The_loggers_see_the_tasks_value_as_the_result_and_its_whole_duration()
    {
        var run = new RecordingRunWriter();
        var call = Call(run);
        var source = new TaskCompletionSource<int>();
        var handed = call.CompleteAsync(source.Task);
        var returnedAfter = call.Elapsed;

        await Task.Delay(50);
        source.SetResult(42);
        await handed;

        Assert.Equal(TimeSpan.Zero, returnedAfter);
        Assert.Equal(42, call.Result);
        Assert.True(call.Elapsed >= TimeSpan.FromMilliseconds(40), $"elapsed {call.Elapsed}");
    }

    [Fact]
    public void A_null_task_is_handed_back_as_it_is()
    {
        var run = new RecordingRunWriter();
        var scope = new GatedScope(run, gate: null);

        var handed = Call(run, scope).CompleteAsync((Task<int>?)null);

        Assert.Null(handed);
        Assert.Equal(RunStatus.Finished, scope.Status);
    }

    private sealed class GatedScope(IRunWriter writer, ManualResetEventSlim? gate) : IRunScope
    {
        public ManualResetEventSlim Ending { get; } = new();

        public RunStatus? Status { get; private set; }

        public IRunWriter Writer => writer;

        public void End(RunStatus status)
        {
            Ending.Set();
            gate?.Wait(Patience);
            Status = status;
        }
    }
}
