using Padre.Pads.Hooks;
using Padre.Pads.Hooks.Defaults;
using Padre.Pads.Tests.Loggers;

namespace Padre.Pads.Tests.Hooks;

/// <summary>The default metric logger: every read value as a metric, and cross-validation folds summarized.</summary>
public sealed class MetricLoggerTests
{
    [Fact]
    public void Cross_validation_folds_get_their_mean_and_sample_deviation_over_finite_values_in_first_seen_order()
    {
        var writer = new RecordingRunWriter();
        var call = Call(Hook.Fit | Hook.Metric, writer);
        call.Metric("Loss", double.NaN, 0);
        call.Metric("RSquared", 0.5, 0);
        call.Metric("Loss", 1, 1);
        call.Metric("RSquared", 0.7, 1);
        call.Metric("Loss", double.PositiveInfinity, 2);
        call.Metric("RSquared", 0.9, 2);
        call.Metric("Loss", 4, 3);
        call.Metric("Single", 3, 0);

        new MetricLogger().OnCall(call, writer);

        var summaries = writer.Metrics.Where(m => m.Key.EndsWith(".mean", StringComparison.Ordinal) || m.Key.EndsWith(".std", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["cv.RSquared.mean", "cv.RSquared.std", "cv.Loss.mean", "cv.Loss.std"], summaries.Select(m => m.Key));
        Assert.Equal(0.7, summaries[0].Value, 12);
        Assert.Equal(0.2, summaries[1].Value, 12);
        Assert.Equal(2.5, summaries[2].Value, 12);
        Assert.Equal(Math.Sqrt(4.5), summaries[3].Value, 12);
    }

    [Fact]
    public void Every_finite_or_missing_value_is_a_metric_at_its_step_and_an_infinite_one_is_left_out()
    {
        var writer = new RecordingRunWriter();
        var call = Call(Hook.Metric, writer);
        call.Metric("MicroAccuracy", 0.9, 0);
        call.Metric("LogLoss", double.NaN, 0);
        call.Metric("LogLossReduction", double.NegativeInfinity, 0);
        call.Metric("MicroAccuracy", 0.95, 1);

        new MetricLogger().OnCall(call, writer);

        Assert.Equal([("MicroAccuracy", 0.9, 0L), ("LogLoss", double.NaN, 0L), ("MicroAccuracy", 0.95, 1L)], writer.Metrics);
    }

    private static HookCall Call(Hook hooks, RecordingRunWriter writer) =>
        new(new InterceptionSite("Program.cs", 3, 5, "Catalog.Evaluate", hooks, "Evaluate", []), null, [], writer, null);
}
