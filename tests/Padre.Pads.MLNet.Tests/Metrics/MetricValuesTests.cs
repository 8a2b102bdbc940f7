using Microsoft.ML;
using Microsoft.ML.Data;
using Padre.Pads.MLNet.Metrics;
using Padre.Pads.MLNet.Tests.Support;

namespace Padre.Pads.MLNet.Tests.Metrics;

public sealed class MetricValuesTests(IrisModels iris) : IClassFixture<IrisModels>
{
    private static readonly string[] Species = ["Iris-setosa", "Iris-versicolor", "Iris-virginica"];

    [Fact]
    public void Multiclass_metrics_map_every_numeric_property()
    {
        var m = iris.MulticlassMetrics;

        var values = MetricValues.Of(m, Species).ToDictionary();

        Assert.Equal(m.MicroAccuracy, values["micro_accuracy"]);
        Assert.Equal(m.MacroAccuracy, values["macro_accuracy"]);
        Assert.Equal(m.LogLoss, values["log_loss"]);
        Assert.Equal(m.LogLossReduction, values["log_loss_reduction"]);
        Assert.Equal(2, values["top_k_prediction_count"]);
        Assert.Equal(m.TopKAccuracy, values["top_k_accuracy"]);
        Assert.Equal(m.TopKAccuracyForAllK[0], values["top_k_accuracy/1"]);
        Assert.Equal(m.TopKAccuracyForAllK[1], values["top_k_accuracy/2"]);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(m.PerClassLogLoss[i], values[$"per_class_log_loss/{Species[i]}"]);
            Assert.Equal(m.ConfusionMatrix.PerClassPrecision[i], values[$"per_class_precision/{Species[i]}"]);
            Assert.Equal(m.ConfusionMatrix.PerClassRecall[i], values[$"per_class_recall/{Species[i]}"]);
        }
        Assert.Equal(6 + m.TopKAccuracyForAllK.Count + 9, values.Count);
    }

    [Fact]
    public void Per_class_keys_use_indices_without_class_names()
    {
        var values = MetricValues.Of(iris.MulticlassMetrics).ToDictionary();

        Assert.Equal(iris.MulticlassMetrics.PerClassLogLoss[2], values["per_class_log_loss/2"]);
    }

    [Fact]
    public void Calibrated_binary_metrics_map_every_numeric_property()
    {
        var data = iris.SetosaOrNot();
        var model = iris.Ml.BinaryClassification.Trainers.LbfgsLogisticRegression(historySize: 5, optimizationTolerance: 1e-4f).Fit(data);
        var m = iris.Ml.BinaryClassification.Evaluate(model.Transform(data));

        var values = MetricValues.Of(m, ["no", "yes"]).ToDictionary();

        Assert.Equal(m.Accuracy, values["accuracy"]);
        Assert.Equal(m.AreaUnderRocCurve, values["area_under_roc_curve"]);
        Assert.Equal(m.AreaUnderPrecisionRecallCurve, values["area_under_precision_recall_curve"]);
        Assert.Equal(m.F1Score, values["f1_score"]);
        Assert.Equal(m.PositivePrecision, values["positive_precision"]);
        Assert.Equal(m.PositiveRecall, values["positive_recall"]);
        Assert.Equal(m.NegativePrecision, values["negative_precision"]);
        Assert.Equal(m.NegativeRecall, values["negative_recall"]);
        Assert.Equal(m.LogLoss, values["log_loss"]);
        Assert.Equal(m.LogLossReduction, values["log_loss_reduction"]);
        Assert.Equal(m.Entropy, values["entropy"]);
        Assert.Equal(m.ConfusionMatrix.PerClassPrecision[1], values["per_class_precision/yes"]);
        Assert.Equal(m.ConfusionMatrix.PerClassRecall[0], values["per_class_recall/no"]);
        Assert.Equal(11 + 4, values.Count);
    }

    [Fact]
    public void Uncalibrated_binary_metrics_have_no_log_loss()
    {
        var data = iris.SetosaOrNot();
        var model = iris.Ml.BinaryClassification.Trainers.AveragedPerceptron(numberOfIterations: 3).Fit(data);
        var m = iris.Ml.BinaryClassification.EvaluateNonCalibrated(model.Transform(data));

        var values = MetricValues.Of(m).ToDictionary();

        Assert.Equal(m.Accuracy, values["accuracy"]);
        Assert.Equal(m.F1Score, values["f1_score"]);
        Assert.DoesNotContain("log_loss", values.Keys);
        Assert.Equal(8 + 4, values.Count);
    }

    [Fact]
    public void Regression_metrics_map_every_numeric_property()
    {
        var data = iris.Ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength")
            .Append(iris.Ml.Transforms.CopyColumns("Label", "PetalWidth"))
            .Fit(iris.Data).Transform(iris.Data);
        var model = iris.Ml.Regression.Trainers.Sdca(maximumNumberOfIterations: 10).Fit(data);
        var m = iris.Ml.Regression.Evaluate(model.Transform(data));

        var values = MetricValues.Of(m).ToDictionary();

        Assert.Equal(m.MeanAbsoluteError, values["mean_absolute_error"]);
        Assert.Equal(m.MeanSquaredError, values["mean_squared_error"]);
        Assert.Equal(m.RootMeanSquaredError, values["root_mean_squared_error"]);
        Assert.Equal(m.LossFunction, values["loss_function"]);
        Assert.Equal(m.RSquared, values["r_squared"]);
        Assert.Equal(5, values.Count);
    }

    [Fact]
    public void Clustering_metrics_map_every_numeric_property()
    {
        var data = iris.Ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
            .Append(iris.Ml.Transforms.Conversion.MapValueToKey("Label"))
            .Fit(iris.Data).Transform(iris.Data);
        var model = iris.Ml.Clustering.Trainers.KMeans(numberOfClusters: 3).Fit(data);
        var m = iris.Ml.Clustering.Evaluate(model.Transform(data), labelColumnName: "Label");

        var values = MetricValues.Of(m).ToDictionary();

        Assert.Equal(m.NormalizedMutualInformation, values["normalized_mutual_information"]);
        Assert.Equal(m.AverageDistance, values["average_distance"]);
        Assert.Equal(m.DaviesBouldinIndex, values["davies_bouldin_index"]);
        Assert.Equal(3, values.Count);
    }

    [Fact]
    public void Ranking_metrics_map_every_position()
    {
        var rows = Datasets.IrisRows().Select((r, i) => new RankedIris
        {
            Features = [r.SepalLength, r.SepalWidth, r.PetalLength, r.PetalWidth],
            Label = r.Label == "Iris-setosa" ? 0 : r.Label == "Iris-versicolor" ? 1 : 2,
            Group = (uint)(i % 10) + 1,
        });
        var data = iris.Ml.Data.LoadFromEnumerable(rows);
        var model = iris.Ml.Ranking.Trainers.FastTree(rowGroupColumnName: "Group", numberOfLeaves: 4, numberOfTrees: 3, minimumExampleCountPerLeaf: 2).Fit(data);
        var m = iris.Ml.Ranking.Evaluate(model.Transform(data), rowGroupColumnName: "Group");

        var values = MetricValues.Of(m).ToDictionary();

        Assert.NotEmpty(m.DiscountedCumulativeGains);
        for (var k = 0; k < m.DiscountedCumulativeGains.Count; k++)
        {
            Assert.Equal(m.DiscountedCumulativeGains[k], values[$"dcg/{k + 1}"]);
            Assert.Equal(m.NormalizedDiscountedCumulativeGains[k], values[$"ndcg/{k + 1}"]);
        }
        Assert.Equal(m.DiscountedCumulativeGains.Count + m.NormalizedDiscountedCumulativeGains.Count, values.Count);
    }

    [Fact]
    public void Anomaly_detection_metrics_map_every_numeric_property()
    {
        var data = iris.Ml.Data.LoadFromEnumerable(Datasets.IrisRows().Select(r => new AnomalousIris
        {
            Features = [r.SepalLength, r.SepalWidth, r.PetalLength, r.PetalWidth],
            Label = r.Label == "Iris-setosa" ? 1 : 0,
        }));
        var model = iris.Ml.AnomalyDetection.Trainers.RandomizedPca(rank: 2).Fit(data);
        var m = iris.Ml.AnomalyDetection.Evaluate(model.Transform(data), falsePositiveCount: 5);

        var values = MetricValues.Of(m).ToDictionary();

        Assert.Equal(m.AreaUnderRocCurve, values["area_under_roc_curve"]);
        Assert.Equal(m.DetectionRateAtFalsePositiveCount, values["detection_rate_at_false_positive_count"]);
        Assert.Equal(2, values.Count);
    }

    private sealed class AnomalousIris
    {
        [VectorType(4)] public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    private sealed class RankedIris
    {
        [VectorType(4)] public float[] Features { get; set; } = [];
        public float Label { get; set; }
        [KeyType(10)] public uint Group { get; set; }
    }
}
