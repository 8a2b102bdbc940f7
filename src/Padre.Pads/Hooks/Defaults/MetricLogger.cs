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
}
