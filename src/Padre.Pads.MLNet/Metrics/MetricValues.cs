using Microsoft.ML.Data;
using Padre.Pads.Stores;

namespace Padre.Pads.MLNet.Metrics;

/// <summary>
/// Every numeric property of every ML.NET metrics type as named metric values, written out per type (no
/// reflection). Names are the properties' names in snake_case; lists become one value per position or class:
/// <c>per_class_log_loss/&lt;class&gt;</c>, <c>top_k_accuracy/&lt;k&gt;</c>, <c>ndcg/&lt;k&gt;</c>.
/// </summary>
public static class MetricValues
{
    /// <summary>Binary classification; a <see cref="CalibratedBinaryClassificationMetrics"/> adds log_loss, log_loss_reduction and entropy.</summary>
    /// <param name="metrics">The metrics.</param>
    /// <param name="classNames">Names of the classes in key order (negative, positive), or null for the indices.</param>
    public static IReadOnlyList<KeyValuePair<string, double>> Of(BinaryClassificationMetrics metrics, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var values = new List<KeyValuePair<string, double>>
        {
            new("accuracy", metrics.Accuracy),
            new("area_under_roc_curve", metrics.AreaUnderRocCurve),
            new("area_under_precision_recall_curve", metrics.AreaUnderPrecisionRecallCurve),
            new("f1_score", metrics.F1Score),
            new("positive_precision", metrics.PositivePrecision),
            new("positive_recall", metrics.PositiveRecall),
            new("negative_precision", metrics.NegativePrecision),
            new("negative_recall", metrics.NegativeRecall),
        };
        if (metrics is CalibratedBinaryClassificationMetrics calibrated)
        {
            values.Add(new("log_loss", calibrated.LogLoss));
            values.Add(new("log_loss_reduction", calibrated.LogLossReduction));
            values.Add(new("entropy", calibrated.Entropy));
        }
        AddPerClass(values, metrics.ConfusionMatrix, classNames);
        return values;
    }

    /// <summary>Multiclass classification, with per-class log loss, precision and recall and top-k accuracy for every k.</summary>
    /// <param name="metrics">The metrics.</param>
    /// <param name="classNames">Names of the classes in key order, or null for the indices.</param>
    public static IReadOnlyList<KeyValuePair<string, double>> Of(MulticlassClassificationMetrics metrics, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var values = new List<KeyValuePair<string, double>>
        {
            new("micro_accuracy", metrics.MicroAccuracy),
            new("macro_accuracy", metrics.MacroAccuracy),
            new("log_loss", metrics.LogLoss),
            new("log_loss_reduction", metrics.LogLossReduction),
        };
        if (metrics.TopKPredictionCount > 0)
        {
            values.Add(new("top_k_prediction_count", metrics.TopKPredictionCount));
            values.Add(new("top_k_accuracy", metrics.TopKAccuracy));
        }
        var allK = metrics.TopKAccuracyForAllK;
        for (var k = 0; k < (allK?.Count ?? 0); k++)
        {
            values.Add(new($"top_k_accuracy/{k + 1}", allK![k]));
        }
        var perClass = metrics.PerClassLogLoss;
        for (var i = 0; i < perClass.Count; i++)
        {
            values.Add(new($"per_class_log_loss/{ClassName(classNames, i)}", perClass[i]));
        }
        AddPerClass(values, metrics.ConfusionMatrix, classNames);
        return values;
    }

    /// <summary>Regression.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Of(RegressionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return
        [
            new("mean_absolute_error", metrics.MeanAbsoluteError),
            new("mean_squared_error", metrics.MeanSquaredError),
            new("root_mean_squared_error", metrics.RootMeanSquaredError),
            new("loss_function", metrics.LossFunction),
            new("r_squared", metrics.RSquared),
        ];
    }

    /// <summary>Clustering.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Of(ClusteringMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return
        [
            new("normalized_mutual_information", metrics.NormalizedMutualInformation),
            new("average_distance", metrics.AverageDistance),
            new("davies_bouldin_index", metrics.DaviesBouldinIndex),
        ];
    }

    /// <summary>Ranking: one value per truncation level k (1-based), <c>dcg/&lt;k&gt;</c> and <c>ndcg/&lt;k&gt;</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Of(RankingMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var values = new List<KeyValuePair<string, double>>();
        for (var k = 0; k < metrics.DiscountedCumulativeGains.Count; k++)
        {
            values.Add(new($"dcg/{k + 1}", metrics.DiscountedCumulativeGains[k]));
        }
        for (var k = 0; k < metrics.NormalizedDiscountedCumulativeGains.Count; k++)
        {
            values.Add(new($"ndcg/{k + 1}", metrics.NormalizedDiscountedCumulativeGains[k]));
        }
        return values;
    }

    /// <summary>Anomaly detection.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Of(AnomalyDetectionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return
        [
            new("area_under_roc_curve", metrics.AreaUnderRocCurve),
            new("detection_rate_at_false_positive_count", metrics.DetectionRateAtFalsePositiveCount),
        ];
    }

    private static void AddPerClass(List<KeyValuePair<string, double>> values, ConfusionMatrix? matrix, IReadOnlyList<string>? classNames)
    {
        if (matrix is null) return;
        for (var i = 0; i < matrix.PerClassPrecision.Count; i++)
        {
            values.Add(new($"per_class_precision/{ClassName(classNames, i)}", matrix.PerClassPrecision[i]));
        }
        for (var i = 0; i < matrix.PerClassRecall.Count; i++)
        {
            values.Add(new($"per_class_recall/{ClassName(classNames, i)}", matrix.PerClassRecall[i]));
        }
    }

    /// <summary>The class's name made safe for a metric key, or its index when no names are known.</summary>
    internal static string ClassName(IReadOnlyList<string>? classNames, int index) =>
        classNames is not null && index < classNames.Count && classNames[index].Length > 0
            ? MlflowRules.SanitizeKey(classNames[index].Replace('/', '_'))
            : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
