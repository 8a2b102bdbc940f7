// Iris species from four flower measurements: multiclass classification with SDCA (maximum entropy).
using Microsoft.ML;
using Microsoft.ML.Data;

var ml = new MLContext(seed: 1);
var data = ml.Data.LoadFromTextFile<IrisFlower>(
    Path.Combine(AppContext.BaseDirectory, "Data", "iris.csv"), separatorChar: ',', hasHeader: true);

var pipeline = ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
    .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(l2Regularization: 0.01f))
    .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
var model = pipeline.Fit(split.TrainSet);
var metrics = ml.MulticlassClassification.Evaluate(model.Transform(split.TestSet));

Console.WriteLine($"Micro accuracy: {metrics.MicroAccuracy:P1}");
Console.WriteLine($"Macro accuracy: {metrics.MacroAccuracy:P1}");
Console.WriteLine($"Log loss:       {metrics.LogLoss:F4}");
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());

var engine = ml.Model.CreatePredictionEngine<IrisFlower, IrisPrediction>(model);
var flower = new IrisFlower { SepalLength = 6.1f, SepalWidth = 2.8f, PetalLength = 4.7f, PetalWidth = 1.2f };
Console.WriteLine($"A flower of 6.1/2.8/4.7/1.2 cm is predicted {engine.Predict(flower).PredictedLabel}.");

/// <summary>One row of iris.csv.</summary>
public sealed class IrisFlower
{
    [LoadColumn(0)] public float SepalLength { get; set; }
    [LoadColumn(1)] public float SepalWidth { get; set; }
    [LoadColumn(2)] public float PetalLength { get; set; }
    [LoadColumn(3)] public float PetalWidth { get; set; }
    [LoadColumn(4)] public string Label { get; set; } = "";
}

/// <summary>The model's answer for one flower.</summary>
public sealed class IrisPrediction
{
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
}
