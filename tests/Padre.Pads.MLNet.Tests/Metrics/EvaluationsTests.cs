using System.Globalization;
using Microsoft.ML;
using Padre.Pads.MLNet.Metrics;
using Padre.Pads.MLNet.Tests.Support;

namespace Padre.Pads.MLNet.Tests.Metrics;

public sealed class EvaluationsTests(IrisModels iris) : IClassFixture<IrisModels>
{
    [Fact]
    public void Class_names_come_from_the_label_key_column()
    {
        var names = ClassNames.FromKeyColumn(iris.MulticlassScored.Schema);

        Assert.Equal(["Iris-setosa", "Iris-versicolor", "Iris-virginica"], names!.Order());
        Assert.Equal(iris.MulticlassMetrics.PerClassLogLoss.Count, names!.Count);
    }

    [Fact]
    public void Confusion_matrix_csv_holds_the_counts_with_class_names()
    {
        var run = new RecordingRunWriter();
        var matrix = iris.MulticlassMetrics.ConfusionMatrix;
        var names = ClassNames.FromKeyColumn(iris.MulticlassScored.Schema)!;

        Evaluations.Log(run, iris.MulticlassMetrics, names, split: "test");

        var lines = run.Texts["evaluation/test/confusion_matrix.csv"].TrimEnd('\n').Split('\n');
        Assert.Equal("actual \\ predicted," + string.Join(',', names), lines[0]);
        Assert.Equal(4, lines.Length);
        for (var actual = 0; actual < 3; actual++)
        {
            var expected = names[actual] + "," + string.Join(',', matrix.Counts[actual].Select(c => c.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(expected, lines[actual + 1]);
        }
    }

    [Fact]
    public void Confusion_matrix_text_shows_counts_recall_and_precision()
    {
        var run = new RecordingRunWriter();
        var matrix = iris.MulticlassMetrics.ConfusionMatrix;
        var names = ClassNames.FromKeyColumn(iris.MulticlassScored.Schema)!;

        Evaluations.LogConfusionMatrix(run, matrix, names);

        var rows = run.Texts["evaluation/confusion_matrix.txt"].Split('\n').Where(l => l.Contains('|')).Select(l => l.Split('|').Select(c => c.Trim()).ToArray()).ToList();
        Assert.Equal(["actual \\ predicted", .. names, "recall"], rows[0]);
        Assert.Equal(names[1], rows[2][0]);
        Assert.Equal(matrix.Counts[1][1].ToString(CultureInfo.InvariantCulture), rows[2][2]);
        Assert.Equal(matrix.PerClassRecall[1].ToString("0.0000", CultureInfo.InvariantCulture), rows[2][4]);
        Assert.Equal(matrix.PerClassPrecision[2].ToString("0.0000", CultureInfo.InvariantCulture), rows[4][3]);
    }

    [Fact]
    public void Metrics_are_logged_with_the_split_prefix_at_the_step()
    {
        var run = new RecordingRunWriter();

        Evaluations.Log(run, iris.MulticlassMetrics, split: "test", step: 3);

        var accuracy = run.Metrics.Single(m => m.Key == "test_micro_accuracy");
        Assert.Equal(iris.MulticlassMetrics.MicroAccuracy, accuracy.Value);
        Assert.Equal(3, accuracy.Step);
        Assert.All(run.Metrics, m => Assert.StartsWith("test_", m.Key, StringComparison.Ordinal));
    }

    [Fact]
    public void Predictions_table_stops_at_the_row_limit()
    {
        var run = new RecordingRunWriter();

        Evaluations.LogPredictions(run, iris.MulticlassScored, split: "test", maxRows: 7);

        var lines = run.Texts["evaluation/test/predictions.csv"].TrimEnd('\n').Split('\n');
        Assert.Equal(1 + 7, lines.Length);
    }

    [Fact]
    public void Predictions_table_has_label_prediction_and_one_score_column_per_class()
    {
        var run = new RecordingRunWriter();
        var expected = iris.Ml.Data.CreateEnumerable<Scored>(iris.MulticlassScored, reuseRowObject: false).First();
        var names = ClassNames.FromKeyColumn(iris.MulticlassScored.Schema)!;

        Evaluations.LogPredictions(run, iris.MulticlassScored, maxRows: 1);

        var lines = run.Texts["evaluation/predictions.csv"].TrimEnd('\n').Split('\n');
        Assert.Equal("row,Label,PredictedLabel," + string.Join(',', names.Select(n => "Score/" + n)), lines[0]);
        var cells = lines[1].Split(',');
        Assert.Equal("0", cells[0]);
        Assert.Equal(names[(int)expected.Label - 1], cells[1]);
        Assert.Equal(names[(int)expected.PredictedLabel - 1], cells[2]);
        Assert.Equal(expected.Score.Select(s => s.ToString("R", CultureInfo.InvariantCulture)), cells[3..]);
    }

    private sealed class Scored
    {
        public uint Label { get; set; }
        public uint PredictedLabel { get; set; }
        public float[] Score { get; set; } = [];
    }
}
