using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.Tests.Loggers;

namespace Padre.Pads.Tests.Tracking;

/// <summary>The warm-up's made-up call: the default loggers' first-call costs paid off the program's thread, nothing recorded.</summary>
[Collection(nameof(TrackerTests))]
public sealed class HookRehearsalTests
{
    [Fact]
    public void Rehearsal_runs_the_default_parameter_metric_and_timing_loggers()
    {
        var writer = new RecordingRunWriter();

        HookRehearsal.Run(writer);

        // Each value kind the parameters logger formats on a first call: float, int, bool, enum, string, array, double;
        // a fit that reads metrics is a cross-validation, so its metrics are cv.-prefixed.
        Assert.Equal("0.1", writer.Params["Rehearsal.learningRate"]);
        Assert.Equal("100", writer.Params["Rehearsal.numberOfIterations"]);
        Assert.Equal("True", writer.Params["Rehearsal.shuffle"]);
        Assert.Equal("Fit", writer.Params["Rehearsal.hook"]);
        Assert.Equal("[A, B]", writer.Params["Rehearsal.inputColumnNames"]);
        Assert.Equal("0.2", writer.Params["Rehearsal.testFraction"]);
        Assert.Contains(writer.Metrics, m => m.Key == "cv.MicroAccuracy" && m.Value == 0.9);
        Assert.Contains(writer.Metrics, m => m.Key == "timing.Rehearsal");
    }

    [Fact]
    public void Rehearsal_reaches_no_registered_event_logger()
    {
        var seen = new CountingLogger();
        EventLoggers.Register(seen);
        try
        {
            HookRehearsal.Run();

            Assert.Equal(0, seen.Calls);
        }
        finally
        {
            Tracker.HookRegistry.EventLoggers.Remove(seen.Name);
        }
    }

    private sealed class CountingLogger : IEventLogger
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public string Name => "rehearsal-counter";

        public HookEvents Events => HookEvents.Parameters | HookEvents.Metric | HookEvents.Timing | HookEvents.Input | HookEvents.Output | HookEvents.Pipeline;

        public void OnCall(HookCall call, IRunWriter run)
        {
            if (call.Site.File == "padre-rehearsal.cs")
            {
                Interlocked.Increment(ref calls);
            }
        }
    }
}
