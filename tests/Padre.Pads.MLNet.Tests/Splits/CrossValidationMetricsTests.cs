using Microsoft.ML;
using Padre.Pads.MLNet.Splits;
using Padre.Pads.MLNet.Tests.Support;

namespace Padre.Pads.MLNet.Tests.Splits;

public sealed class CrossValidationMetricsTests
{
    private static IReadOnlyList<KeyValuePair<string, double>> Fold(double accuracy, double loss) =>
        [new("accuracy", accuracy), new("loss", loss)];

    [Fact]
    public void Mean_and_sample_std_match_hand_computed_values()
    {
        var run = new RecordingRunWriter();

        CrossValidationMetrics.Log(run, [Fold(0.8, 1), Fold(0.9, 2), Fold(1.0, 6)]);

        // accuracy: mean 0.9, squared deviations 0.01 + 0 + 0.01 = 0.02, / (3 - 1) = 0.01, sqrt = 0.1
        Assert.Equal(0.9, run.Metric("cv_accuracy_mean"), 12);
        Assert.Equal(0.1, run.Metric("cv_accuracy_std"), 12);
        // loss: mean 3, squared deviations 4 + 1 + 9 = 14, / 2 = 7
        Assert.Equal(3, run.Metric("cv_loss_mean"), 12);
        Assert.Equal(Math.Sqrt(7), run.Metric("cv_loss_std"), 12);
    }

    [Fact]
    public void Each_fold_is_a_step_of_one_metric()
    {
        var run = new RecordingRunWriter();

        CrossValidationMetrics.Log(run, [Fold(0.8, 1), Fold(0.9, 2), Fold(1.0, 6)]);

        var history = run.History("cv_accuracy");
        Assert.Equal([0L, 1L, 2L], history.Select(m => m.Step));
        Assert.Equal([0.8, 0.9, 1.0], history.Select(m => m.Value));
    }

    [Fact]
    public void A_single_fold_has_a_mean_and_no_std()
    {
        var run = new RecordingRunWriter();

        CrossValidationMetrics.Log(run, [Fold(0.8, 1)], prefix: null);

        Assert.Equal(0.8, run.Metric("accuracy_mean"));
        Assert.DoesNotContain(run.Metrics, m => m.Key.EndsWith("_std", StringComparison.Ordinal));
    }

    [Fact]
    public void Real_cross_validation_logs_every_fold_and_the_summary()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength")
            .Append(ml.Transforms.CopyColumns("Label", "PetalWidth"))
            .Fit(Datasets.Iris(ml)).Transform(Datasets.Iris(ml));
        var folds = ml.Regression.CrossValidate(data, ml.Regression.Trainers.Sdca(maximumNumberOfIterations: 5), numberOfFolds: 3, seed: 1);
        var run = new RecordingRunWriter();

        CrossValidationMetrics.Log(run, folds);

        var r2 = folds.OrderBy(f => f.Fold).Select(f => f.Metrics.RSquared).ToList();
        Assert.Equal(r2, run.History("cv_r_squared").Select(m => m.Value));
        Assert.Equal(r2.Average(), run.Metric("cv_r_squared_mean"), 12);
        var std = Math.Sqrt(r2.Sum(v => (v - r2.Average()) * (v - r2.Average())) / 2);
        Assert.Equal(std, run.Metric("cv_r_squared_std"), 12);
    }
}
