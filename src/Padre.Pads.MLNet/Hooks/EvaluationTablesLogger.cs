using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.MLNet.Data;
using Padre.Pads.MLNet.Metrics;

namespace Padre.Pads.MLNet.Hooks;

/// <summary>
/// After an <c>Evaluate</c> of a classifier: the confusion matrix as a table (<c>evaluation/confusion_matrix.csv|.txt</c>,
/// with the class names of the label column) and the first rows of the evaluated data's predictions
/// (<c>evaluation/predictions.csv</c>). The metric values themselves are the runtime's metric logger's; a second
/// evaluation in one run goes under <c>evaluation/2/</c>, ...
/// The tables are built on the run's background worker (<see cref="HookCall.InBackground"/>) when the evaluated data
/// comes from a file (the metrics object does not change; a cursor over the scored view is independent of the user's);
/// over data built in memory, which the program may change once the call returned, they are built now, as before.
/// </summary>
internal sealed class EvaluationTablesLogger(DataViewOrigins origins, int maxPredictionRows) : IEventLogger
{
    private readonly Dictionary<string, int> evaluationsPerRun = new(StringComparer.Ordinal);

    public string Name => "mlnet.evaluation";

    public HookEvents Events => HookEvents.Metric;

    public void OnCall(HookCall call, IRunWriter run)
    {
        var matrix = call.Result switch
        {
            MulticlassClassificationMetrics multiclass => multiclass.ConfusionMatrix,
            BinaryClassificationMetrics binary => binary.ConfusionMatrix,
            _ => null,
        };
        if (matrix is null || call.Argument("data") is not IDataView scored)
        {
            return;
        }

        int evaluation;
        lock (evaluationsPerRun)
        {
            // TryGetValue, not GetValueOrDefault: the extension is JIT-compiled for these types on the program's thread.
            evaluation = evaluationsPerRun[run.RunId] = (evaluationsPerRun.TryGetValue(run.RunId, out var before) ? before : 0) + 1;
        }

        var split = evaluation == 1 ? null : evaluation.ToString(CultureInfo.InvariantCulture);
        var label = call.Argument("labelColumnName") as string ?? "Label";
        void Tables()
        {
            Evaluations.LogConfusionMatrix(run, matrix, ClassNames.FromKeyColumn(scored.Schema, label), split);
            if (maxPredictionRows > 0)
            {
                Evaluations.LogPredictions(run, scored, split, maxPredictionRows);
            }
        }

        if (origins.IsFromFile(scored)) call.InBackground(this, Tables);
        else Tables();
    }
}
