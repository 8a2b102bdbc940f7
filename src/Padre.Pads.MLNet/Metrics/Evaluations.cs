using Microsoft.ML;
using Microsoft.ML.Data;
using Padre.Pads.Loggers;

namespace Padre.Pads.MLNet.Metrics;

/// <summary>
/// Writes the result of an ML.NET <c>Evaluate</c> into a run: every metric (see <see cref="MetricValues"/>), the
/// confusion matrix as <c>evaluation/confusion_matrix.csv</c> and <c>.txt</c>, and the per-instance predictions.
/// </summary>
/// <remarks>
/// With a <c>split</c> name (e.g. <c>test</c>), metric keys are prefixed <c>test_</c> and artifacts go under
/// <c>evaluation/test/</c>, so evaluations of several splits sit side by side in one run.
/// </remarks>
public static class Evaluations
{
    /// <summary>Default bound on the rows of a predictions table.</summary>
    public const int DefaultMaxPredictionRows = 1_000;

    /// <summary>Logs binary classification metrics and the confusion matrix.</summary>
    public static void Log(IRunWriter run, BinaryClassificationMetrics metrics, IReadOnlyList<string>? classNames = null, string? split = null, long step = 0)
    {
        Write(run, MetricValues.Of(metrics, classNames), split, step);
        LogConfusionMatrix(run, metrics.ConfusionMatrix, classNames, split);
    }

    /// <summary>Logs multiclass classification metrics and the confusion matrix.</summary>
    public static void Log(IRunWriter run, MulticlassClassificationMetrics metrics, IReadOnlyList<string>? classNames = null, string? split = null, long step = 0)
    {
        Write(run, MetricValues.Of(metrics, classNames), split, step);
        LogConfusionMatrix(run, metrics.ConfusionMatrix, classNames, split);
    }

    /// <summary>Logs regression metrics.</summary>
    public static void Log(IRunWriter run, RegressionMetrics metrics, string? split = null, long step = 0) =>
        Write(run, MetricValues.Of(metrics), split, step);

    /// <summary>Logs clustering metrics.</summary>
    public static void Log(IRunWriter run, ClusteringMetrics metrics, string? split = null, long step = 0) =>
        Write(run, MetricValues.Of(metrics), split, step);

    /// <summary>Logs ranking metrics.</summary>
    public static void Log(IRunWriter run, RankingMetrics metrics, string? split = null, long step = 0) =>
        Write(run, MetricValues.Of(metrics), split, step);

    /// <summary>Logs anomaly detection metrics.</summary>
    public static void Log(IRunWriter run, AnomalyDetectionMetrics metrics, string? split = null, long step = 0) =>
        Write(run, MetricValues.Of(metrics), split, step);

    /// <summary>Writes <paramref name="matrix"/> as <c>confusion_matrix.csv</c> (counts) and <c>confusion_matrix.txt</c> (with precision and recall).</summary>
    public static void LogConfusionMatrix(IRunWriter run, ConfusionMatrix? matrix, IReadOnlyList<string>? classNames = null, string? split = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (matrix is null) return;
        var dir = ArtifactDirectory(split);
        run.LogText(ConfusionMatrixTable.Csv(matrix, classNames), $"{dir}/confusion_matrix.csv");
        run.LogText(ConfusionMatrixTable.Text(matrix, classNames), $"{dir}/confusion_matrix.txt");
    }

    /// <summary>
    /// Writes the first <paramref name="maxRows"/> rows of <paramref name="scored"/> (the output of
    /// <c>model.Transform</c>) as <c>predictions.csv</c>: row, Label, PredictedLabel, Score, Probability where present.
    /// </summary>
    public static void LogPredictions(IRunWriter run, IDataView scored, string? split = null, int maxRows = DefaultMaxPredictionRows, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        run.LogText(PredictionTable.Csv(scored, columns ?? PredictionTable.DefaultColumns, maxRows), $"{ArtifactDirectory(split)}/predictions.csv");
    }

    /// <summary>Logs named values as metrics, prefixed <c>&lt;split&gt;_</c> when a split is named.</summary>
    public static void Write(IRunWriter run, IEnumerable<KeyValuePair<string, double>> values, string? split = null, long step = 0)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(values);
        var prefix = string.IsNullOrEmpty(split) ? "" : split + "_";
        foreach (var (key, value) in values) run.LogMetric(prefix + key, value, step);
    }

    private static string ArtifactDirectory(string? split) => string.IsNullOrEmpty(split) ? "evaluation" : $"evaluation/{split}";
}
