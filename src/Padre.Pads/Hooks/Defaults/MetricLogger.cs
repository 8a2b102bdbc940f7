using System.Globalization;
using System.Text;
using Padre.Pads.Loggers;

namespace Padre.Pads.Hooks.Defaults;

/// <summary>
/// Logs the numeric members generated code read from a result as metrics, and each matrix (confusion matrix)
/// as a JSON artifact <c>metrics/&lt;name&gt;.json</c>.
/// </summary>
internal sealed class MetricLogger : IEventLogger
{
    public string Name => "metric";

    public HookEvents Events => HookEvents.Metric;

    public void OnCall(HookCall call, IRunWriter run)
    {
        // Indexed loops, here and below: MetricValue is a struct, and an enumerator or LINQ over it is generic code the
        // runtime's ReadyToRun image cannot hold, JIT-compiled in every process (the warm-up's rehearsal of a
        // cross-validation spent 11 ms of JIT in this logger's GroupBy, Where and Select).
        var metrics = call.Metrics;
        for (var i = 0; i < metrics.Count; i++)
        {
            var metric = metrics[i];
            if (double.IsFinite(metric.Value) || double.IsNaN(metric.Value))
            {
                run.LogMetric(Keys.Metric(call.Site, metric.Name), metric.Value, metric.Step);
            }
        }

        if ((call.Site.Hooks & Hook.Fit) != 0)
        {
            LogFoldSummary(call, run);
        }

        foreach (var matrix in call.Matrices)
        {
            var json = new StringBuilder("[");
            for (var r = 0; r < matrix.Rows.Count; r++)
            {
                json.Append(r == 0 ? "[" : ", [");
                var row = matrix.Rows[r];
                for (var c = 0; c < row.Count; c++)
                {
                    json.Append(c == 0 ? string.Empty : ", ").Append(row[c].ToString("R", CultureInfo.InvariantCulture));
                }

                json.Append(']');
            }

            json.Append(']');
            var suffix = (call.Site.Hooks & Hook.Fit) != 0 ? "_fold" + matrix.Step.ToString(CultureInfo.InvariantCulture) : string.Empty;
            run.LogText(json.ToString(), "metrics/" + matrix.Name + suffix + ".json");
        }
    }

    // Cross-validation results carry one value per fold (step = fold): their mean and sample standard deviation
    // are what runs are compared by, so they are logged beside the per-fold points (cv.RSquared.mean / .std).
    private static void LogFoldSummary(HookCall call, IRunWriter run)
    {
        // Names in the order of their first finite value; mean and deviation summed in fold order (the order
        // Enumerable.Average and Sum add in, so the figures match a LINQ reading of the same folds).
        var metrics = call.Metrics;
        var summarized = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < metrics.Count; i++)
        {
            var name = metrics[i].Name;
            if (!double.IsFinite(metrics[i].Value) || !summarized.Add(name))
            {
                continue;
            }

            var count = 0;
            var sum = 0.0;
            for (var j = i; j < metrics.Count; j++)
            {
                if (IsFold(metrics[j], name))
                {
                    count++;
                    sum += metrics[j].Value;
                }
            }

            if (count < 2)
            {
                continue;
            }

            var mean = sum / count;
            var squares = 0.0;
            for (var j = i; j < metrics.Count; j++)
            {
                if (IsFold(metrics[j], name))
                {
                    var deviation = metrics[j].Value - mean;
                    squares += deviation * deviation;
                }
            }

            var key = Keys.Metric(call.Site, name);
            run.LogMetric(key + ".mean", mean);
            run.LogMetric(key + ".std", Math.Sqrt(squares / (count - 1)));
        }
    }

    private static bool IsFold(MetricValue metric, string name) => double.IsFinite(metric.Value) && string.Equals(metric.Name, name, StringComparison.Ordinal);
}
