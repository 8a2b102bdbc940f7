using Padre.Pads.Hooks;
using Padre.Pads.Tests.Loggers;

namespace Padre.Pads.Tests.Tracking;

/// <summary>
/// An async metric method's call is recorded when its task completes; the task handed back to the caller completes
/// only after that, so code that waits for it (even by blocking) finds the metric or the failure already recorded.
/// </summary>
[Collection(nameof(TrackerTests))]
public sealed class AsyncMetricCallTests
{
    private static HookCall Call(RecordingRunWriter run) =>
        new(new InterceptionSite("Program.cs", 3, 5, "Program.LossAsync", Hook.Metric, "LossAsync", []), null, [], run, null);

    [Fact]
    public async Task The_task_handed_back_completes_only_after_the_value_is_read()
    {
        var run = new RecordingRunWriter();
        var source = new TaskCompletionSource<double>();
        using var reading = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var handed = Call(run).Complete(source.Task, (call, value) =>
        {
            reading.Set();
            gate.Wait();
            call.Metric("Loss", value, 0);
        });

        var completing = Task.Run(() => source.SetResult(0.25));
        Assert.True(reading.Wait(TimeSpan.FromSeconds(30)));
        var completedWhileReading = handed.IsCompleted;
        gate.Set();

        Assert.False(completedWhileReading);
        Assert.Equal(0.25, await handed);
        Assert.Contains(run.Metrics, m => m is { Key: "Loss", Value: 0.25 });
        await completing;
    }

    [Fact]
    public async Task A_faulted_task_is_recorded_before_the_caller_sees_its_exception()
    {
        var run = new RecordingRunWriter();
        var source = new TaskCompletionSource<double>();
        var failure = new InvalidOperationException("late");
        var handed = Call(run).Complete(source.Task, (call, value) => call.Metric("Loss", value, 0));

        _ = Task.Run(() => source.SetException(failure));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => handed);
        Assert.Same(failure, thrown);
        Assert.Contains("late", run.Tags["padre.error.LossAsync"]);
        Assert.DoesNotContain(run.Metrics, m => m.Key == "Loss");
    }

    [Fact]
    public void A_canceled_task_hands_the_caller_a_canceled_task()
    {
        var run = new RecordingRunWriter();
        var source = new TaskCompletionSource<double>();
        var handed = Call(run).Complete(source.Task, (call, value) => call.Metric("Loss", value, 0));

        source.SetCanceled();

        Assert.True(handed.IsCanceled);
        Assert.True(run.Tags.ContainsKey("padre.error.LossAsync"));
    }
}
