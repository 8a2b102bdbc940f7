// Taxi fare from trip features: regression with FastTree, scored by 5-fold cross-validation.
using Microsoft.ML;
using Microsoft.ML.Data;

var ml = new MLContext(seed: 1);
var data = ml.Data.LoadFromTextFile<TaxiTrip>(
    Path.Combine(AppContext.BaseDirectory, "Data", "taxi-fare.csv"), separatorChar: ',', hasHeader: true);

var pipeline = ml.Transforms.CopyColumns("Label", "FareAmount")
    .Append(ml.Transforms.Categorical.OneHotEncoding("VendorIdEncoded", "VendorId"))
    .Append(ml.Transforms.Categorical.OneHotEncoding("RateCodeEncoded", "RateCode"))
    .Append(ml.Transforms.Categorical.OneHotEncoding("PaymentTypeEncoded", "PaymentType"))
    .Append(ml.Transforms.Concatenate("Features",
        "VendorIdEncoded", "RateCodeEncoded", "PassengerCount", "TripTime", "TripDistance", "PaymentTypeEncoded"))
    .Append(ml.Regression.Trainers.FastTree(numberOfLeaves: 16, numberOfTrees: 50, minimumExampleCountPerLeaf: 10, learningRate: 0.2));

var folds = ml.Regression.CrossValidate(data, pipeline, numberOfFolds: 5, seed: 1);
foreach (var fold in folds)
{
    Console.WriteLine($"Fold {fold.Fold}: R² {fold.Metrics.RSquared:F4}, RMSE {fold.Metrics.RootMeanSquaredError:F3}");
}
Console.WriteLine($"Mean:   R² {folds.Average(f => f.Metrics.RSquared):F4}, RMSE {folds.Average(f => f.Metrics.RootMeanSquaredError):F3}");

var model = pipeline.Fit(data);
var engine = ml.Model.CreatePredictionEngine<TaxiTrip, FarePrediction>(model);
var trip = new TaxiTrip { VendorId = "VTS", RateCode = "1", PassengerCount = 1, TripTime = 1140, TripDistance = 3.75f, PaymentType = "CRD" };
Console.WriteLine($"A 3.75-mile, 19-minute trip is predicted to cost {engine.Predict(trip).FareAmount:F2}.");

/// <summary>One row of taxi-fare.csv.</summary>
public sealed class TaxiTrip
{
    [LoadColumn(0)] public string VendorId { get; set; } = "";
    [LoadColumn(1)] public string RateCode { get; set; } = "";
    [LoadColumn(2)] public float PassengerCount { get; set; }
    [LoadColumn(3)] public float TripTime { get; set; }
    [LoadColumn(4)] public float TripDistance { get; set; }
    [LoadColumn(5)] public string PaymentType { get; set; } = "";
    [LoadColumn(6)] public float FareAmount { get; set; }
}

/// <summary>The model's fare for one trip.</summary>
public sealed class FarePrediction
{
    [ColumnName("Score")] public float FareAmount { get; set; }
}
