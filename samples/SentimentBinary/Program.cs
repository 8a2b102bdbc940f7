// Review sentiment from text: binary classification of FeaturizeText n-grams with L-BFGS logistic regression.
using Microsoft.ML;
using Microsoft.ML.Data;

var ml = new MLContext(seed: 1);
var data = ml.Data.LoadFromTextFile<Review>(
    Path.Combine(AppContext.BaseDirectory, "Data", "sentiment.csv"), separatorChar: ',', hasHeader: true, allowQuoting: true);

var pipeline = ml.Transforms.Text.FeaturizeText("Features", "Text")
    .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(l2Regularization: 0.1f));

var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 1);
var model = pipeline.Fit(split.TrainSet);
var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));

Console.WriteLine($"Accuracy: {metrics.Accuracy:P1}");
Console.WriteLine($"AUC:      {metrics.AreaUnderRocCurve:F4}");
Console.WriteLine($"F1:       {metrics.F1Score:F4}");
Console.WriteLine($"Log loss: {metrics.LogLoss:F4}");

var engine = ml.Model.CreatePredictionEngine<Review, SentimentPrediction>(model);
foreach (var text in new[] { "The camera is not terrible, highly recommended", "Delivery is slow, never again" })
{
    var prediction = engine.Predict(new Review { Text = text });
    Console.WriteLine($"\"{text}\": {(prediction.Positive ? "positive" : "negative")} ({prediction.Probability:P0})");
}

/// <summary>One row of sentiment.csv.</summary>
public sealed class Review
{
    [LoadColumn(0)] public string Text { get; set; } = "";
    [LoadColumn(1), ColumnName("Label")] public bool Sentiment { get; set; }
}

/// <summary>The model's answer for one review.</summary>
public sealed class SentimentPrediction
{
    [ColumnName("PredictedLabel")] public bool Positive { get; set; }
    public float Probability { get; set; }
}
