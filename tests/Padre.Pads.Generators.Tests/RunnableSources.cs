namespace Padre.Pads.Generators.Tests;

/// <summary>Small, real ML.NET programs the compile-and-run tests execute through generated interceptors.</summary>
internal static class RunnableSources
{
    public const string Experiments = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.ML;
        using Microsoft.ML.Data;
        using Microsoft.ML.Trainers;
        using Padre.Pads;

        public sealed class Point
        {
            public float X { get; set; }
            public float Y { get; set; }
            public float Value { get; set; }
            public bool Positive { get; set; }
            public string Label { get; set; } = "";
        }

        public sealed class ClassPrediction
        {
            [ColumnName("PredictedLabel")]
            public uint Predicted { get; set; }
        }

        public static class Experiments
        {
            [PadreDataset("points", Target = "Value")]
            public static IDataView Points(MLContext ml) =>
                ml.Data.LoadFromEnumerable(Enumerable.Range(0, 90).Select(i => new Point
                {
                    X = i % 10,
                    Y = (i * 7) % 11,
                    Value = 2 * (i % 10) + 0.5f * ((i * 7) % 11),
                    Positive = i % 10 >= 5,
                    Label = "c" + (i % 3),
                }).ToList());

            [PadreExperiment("multiclass", Project = "Tests")]
            public static double Multiclass(MLContext ml, int predictions)
            {
                var data = Points(ml);
                var pipeline = ml.Transforms.Concatenate("Features", "X", "Y")
                    .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
                    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(l2Regularization: 0.01f, maximumNumberOfIterations: 10));
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 1);
                var model = pipeline.Fit(split.TrainSet);
                var metrics = ml.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
                var engine = ml.Model.CreatePredictionEngine<Point, ClassPrediction>(model);
                for (var i = 0; i < predictions; i++)
                {
                    engine.Predict(new Point { X = i % 10, Y = 1 });
                }

                return metrics.MacroAccuracy;
            }

            [PadreExperiment("multiclass-top-k", Project = "Tests")]
            public static double MulticlassTopK(MLContext ml)
            {
                var data = Points(ml);
                var pipeline = ml.Transforms.Concatenate("Features", "X", "Y")
                    .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
                    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 10));
                var model = pipeline.Fit(data);
                return ml.MulticlassClassification.Evaluate(model.Transform(data), topKPredictionCount: 2).TopKAccuracy;
            }

            [PadreExperiment("async", Project = "Tests")]
            public static async System.Threading.Tasks.Task<int> LaterExperiment(int x)
            {
                await System.Threading.Tasks.Task.Yield();
                return x + 1;
            }

            [PadreExperiment("regression", Project = "Tests")]
            public static double Regression(MLContext ml)
            {
                var data = Points(ml);
                var trainer = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { LabelColumnName = "Value", MaximumNumberOfIterations = 20 });
                var model = ml.Transforms.Concatenate("Features", "X", "Y").Append(trainer).Fit(data);
                return ml.Regression.Evaluate(model.Transform(data), labelColumnName: "Value").RSquared;
            }

            [PadreExperiment("binary", Project = "Tests")]
            public static double Binary(MLContext ml)
            {
                var data = Points(ml);
                var model = ml.Transforms.Concatenate("Features", "X", "Y")
                    .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(labelColumnName: "Positive", maximumNumberOfIterations: 10))
                    .Fit(data);
                return ml.BinaryClassification.Evaluate(model.Transform(data), labelColumnName: "Positive").Accuracy;
            }

            [PadreExperiment("clustering", Project = "Tests")]
            public static double Clustering(MLContext ml)
            {
                var data = Points(ml);
                var model = ml.Transforms.Concatenate("Features", "X", "Y").Append(ml.Clustering.Trainers.KMeans(numberOfClusters: 3)).Fit(data);
                return ml.Clustering.Evaluate(model.Transform(data), featureColumnName: "Features").AverageDistance;
            }

            [PadreExperiment("cv", Project = "Tests")]
            public static int CrossValidation(MLContext ml)
            {
                var data = Points(ml);
                var estimator = ml.Transforms.Concatenate("Features", "X", "Y")
                    .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
                    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 10));
                return ml.MulticlassClassification.CrossValidate(data, estimator, numberOfFolds: 3, seed: 1).Count;
            }

            [PadreExperiment("failing")]
            public static void Failing(int code) => throw new InvalidOperationException("boom " + code);
        }

        // Experiments are tracked at their call sites: the tests call these, which call the experiments.
        public static class Entry
        {
            public static double Multiclass(MLContext ml, int predictions) => Experiments.Multiclass(ml, predictions);

            public static double MulticlassTopK(MLContext ml) => Experiments.MulticlassTopK(ml);

            public static double Regression(MLContext ml) => Experiments.Regression(ml);

            public static int LaterExperiment(int x) => Experiments.LaterExperiment(x).GetAwaiter().GetResult();

            public static double Binary(MLContext ml) => Experiments.Binary(ml);

            public static double Clustering(MLContext ml) => Experiments.Clustering(ml);

            public static int CrossValidation(MLContext ml) => Experiments.CrossValidation(ml);

            public static void Failing(int code) => Experiments.Failing(code);
        }
        """;
}
