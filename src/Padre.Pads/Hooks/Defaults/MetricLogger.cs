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
        foreach (var metric in call.Metrics)
        {
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
        foreach (var folds in call.Metrics.Where(m => double.IsFinite(m.Value)).GroupBy(m => m.Name, StringComparer.Ordinal))
        {
            var values = folds.Select(m => m.Value).ToList();
            if (values.Count < 2)
            {
                continue;
            }

            var mean = values.Average();
            var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
            var key = Keys.Metric(call.Site, folds.Key);
            run.LogMetric(key + ".mean", mean);
            run.LogMetric(key + ".std", std);
        }
    }
}
