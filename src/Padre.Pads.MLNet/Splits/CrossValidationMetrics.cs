using Microsoft.ML;
using Microsoft.ML.Data;
using Padre.Pads.Loggers;
using Padre.Pads.MLNet.Metrics;

namespace Padre.Pads.MLNet.Splits;

/// <summary>
/// Writes <c>CrossValidate</c> results into one run: each metric once per fold as a step of one metric
/// (<c>cv_r_squared</c> at steps 0..k-1, step = fold index), plus <c>cv_r_squared_mean</c> and
/// <c>cv_r_squared_std</c> over the folds.
/// </summary>
/// <remarks>
/// One run with fold steps (rather than a child run per fold) keeps the folds on one chart in the MLflow UI and
/// the summary next to the run's other metrics. The standard deviation is the sample one (n − 1 denominator, as
/// ML.NET's own cross-validation samples compute it); with a single fold it is not logged. A fold whose value is
/// NaN makes the mean and std NaN: a failed fold is not hidden.
/// </remarks>
public static class CrossValidationMetrics
{
    /// <summary>The default metric key prefix, <c>cv</c> (keys <c>cv_&lt;metric&gt;</c>).</summary>
    public const string DefaultPrefix = "cv";

    /// <summary>Regression folds.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Log(IRunWriter run, IReadOnlyList<TrainCatalogBase.CrossValidationResult<RegressionMetrics>> folds, string? prefix = DefaultPrefix) =>
        Log(run, Folds(folds, m => MetricValues.Of(m)), prefix);

    /// <summary>Binary classification folds.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Log(IRunWriter run, IReadOnlyList<TrainCatalogBase.CrossValidationResult<BinaryClassificationMetrics>> folds, IReadOnlyList<string>? classNames = null, string? prefix = DefaultPrefix) =>
        Log(run, Folds(folds, m => MetricValues.Of(m, classNames)), prefix);

    /// <summary>Calibrated binary classification folds.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Log(IRunWriter run, IReadOnlyList<TrainCatalogBase.CrossValidationResult<CalibratedBinaryClassificationMetrics>> folds, IReadOnlyList<string>? classNames = null, string? prefix = DefaultPrefix) =>
        Log(run, Folds(folds, m => MetricValues.Of(m, classNames)), prefix);

    /// <summary>Multiclass classification folds.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Log(IRunWriter run, IReadOnlyList<TrainCatalogBase.CrossValidationResult<MulticlassClassificationMetrics>> folds, IReadOnlyList<string>? classNames = null, string? prefix = DefaultPrefix) =>
        Log(run, Folds(folds, m => MetricValues.Of(m, classNames)), prefix);

    /// <summary>Clustering folds.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Log(IRunWriter run, IReadOnlyList<TrainCatalogBase.CrossValidationResult<ClusteringMetrics>> folds, string? prefix = DefaultPrefix) =>
        Log(run, Folds(folds, m => MetricValues.Of(m)), prefix);

    /// <summary>
    /// Logs per-fold values (one list per fold, in fold order) and their mean and std.
    /// </summary>
    /// <returns>The summary values logged (<c>&lt;key&gt;_mean</c>, <c>&lt;key&gt;_std</c>), in metric order.</returns>
    public static IReadOnlyList<KeyValuePair<string, double>> Log(IRunWriter run, IReadOnlyList<IReadOnlyList<KeyValuePair<string, double>>> folds, string? prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(folds);
        var head = string.IsNullOrEmpty(prefix) ? "" : prefix + "_";
        var byKey = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var fold = 0; fold < folds.Count; fold++)
        {
            foreach (var (key, value) in folds[fold])
            {
                run.LogMetric(head + key, value, step: fold);
                if (!byKey.TryGetValue(key, out var values))
                {
                    byKey[key] = values = [];
                    order.Add(key);
                }
                values.Add(value);
            }
        }
        var summary = new List<KeyValuePair<string, double>>();
        foreach (var key in order)
        {
            var values = byKey[key];
            var mean = values.Average();
            summary.Add(new($"{head}{key}_mean", mean));
            if (values.Count > 1)
            {
                var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
                summary.Add(new($"{head}{key}_std", Math.Sqrt(variance)));
            }
        }
        foreach (var (key, value) in summary) run.LogMetric(key, value);
        return summary;
    }

    private static List<IReadOnlyList<KeyValuePair<string, double>>> Folds<T>(
        IReadOnlyList<TrainCatalogBase.CrossValidationResult<T>> folds, Func<T, IReadOnlyList<KeyValuePair<string, double>>> values)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(folds);
        return folds.OrderBy(f => f.Fold).Select(f => values(f.Metrics)).ToList();
    }
}
