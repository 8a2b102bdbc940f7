namespace Padre.Pads.Generators.Tests;

/// <summary>User programs the tests compile: real ML.NET call shapes.</summary>
internal static class Sources
{
    public const string Iris = """
        using System.Collections.Generic;
        using Microsoft.ML;
        using Microsoft.ML.Data;

        public sealed class Flower
        {
            public float SepalLength { get; set; }
            public float SepalWidth { get; set; }
            public float PetalLength { get; set; }
            public float PetalWidth { get; set; }
            public string Label { get; set; } = "";
        }

        public sealed class FlowerPrediction
        {
            [ColumnName("PredictedLabel")]
            public uint Predicted { get; set; }
        }

        public static class Program
        {
            public static void Main()
            {
                var ml = new MLContext(seed: 1);
                var data = ml.Data.LoadFromEnumerable(Flowers());
                var pipeline = ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
                    .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
                    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(l2Regularization: 0.01f));
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 1);
                var model = pipeline.Fit(split.TrainSet);
                var metrics = ml.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
                var engine = ml.Model.CreatePredictionEngine<Flower, FlowerPrediction>(model);
                var predicted = engine.Predict(new Flower { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f });
                System.Console.WriteLine(metrics.MacroAccuracy + " " + predicted.Predicted);
            }

            public static IEnumerable<Flower> Flowers()
            {
                for (var i = 0; i < 60; i++)
                {
                    var k = i % 3;
                    yield return new Flower { SepalLength = 5 + k + (i % 5) * 0.1f, SepalWidth = 3 - k * 0.3f, PetalLength = 1.5f + 2 * k, PetalWidth = 0.2f + 0.8f * k, Label = "c" + k };
                }
            }
        }
        """;

    public const string Unrelated = """
        namespace Other;

        public static class Numbers
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    public const string Breadth = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.ML;
        using Microsoft.ML.Data;
        using Microsoft.ML.Trainers;
        using Microsoft.ML.Trainers.FastTree;
        using Padre.Pads;
        using Padre.Pads.Hooks;

        public sealed class House
        {
            public float Size { get; set; }
            public float Price { get; set; }
            public bool Expensive { get; set; }
        }

        public static class Shapes
        {
            [PadreDataset("houses", Target = "Price")]
            public static IDataView Houses(MLContext ml) => ml.Data.LoadFromEnumerable(new List<House>());

            [PadreExperiment("regression", Project = "Shapes")]
            public static RegressionMetrics Regression(MLContext ml, float l2 = 0.1f)
            {
                var data = Houses(ml);
                var trainer = ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options { L2Regularization = l2, LabelColumnName = "Price" });
                var pipeline = ml.Transforms.Concatenate("Features", "Size").Append(trainer);
                var model = pipeline.Fit(data);
                ml.Model.Save(model, data.Schema, "model.zip");
                var loaded = ml.Model.Load("model.zip", out var schema);
                return ml.Regression.Evaluate(loaded.Transform(data), labelColumnName: "Price");
            }

            public static void Binary(MLContext ml, IDataView data)
            {
                var tree = TreeExtensions.FastTree(ml.BinaryClassification.Trainers, labelColumnName: "Expensive", numberOfTrees: 10);
                var cv = ml.BinaryClassification.CrossValidateNonCalibrated(data, tree, numberOfFolds: 3, labelColumnName: "Expensive");
                Console.WriteLine(cv.Count);
            }

            public static void Clustering(MLContext ml, IDataView data)
            {
                var pipeline = ml.Transforms.Concatenate("Features", "Size").Append(ml.Clustering.Trainers.KMeans(numberOfClusters: 2));
                Func<IDataView, ITransformer> fit = d => pipeline.Fit(d);
                var model = fit(data);
                var metrics = ml.Clustering.Evaluate(model.Transform(data));
                Console.WriteLine(metrics?.AverageDistance);
            }

            public static void Multiclass(MLContext ml, IDataView data)
            {
                var estimator = ml.Transforms.Conversion.MapValueToKey("Label")
                    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
                var folds = ml.MulticlassClassification.CrossValidate(data, estimator, numberOfFolds: 2);
                Console.WriteLine(folds[0].Metrics.MacroAccuracy);
            }

            public static TOut PredictWith<TIn, TOut>(PredictionEngine<TIn, TOut> engine, TIn example)
                where TIn : class
                where TOut : class, new() => engine.Predict(example);

            [Track(Hook.Fit, Hook.Log)]
            public static int FitMine(int epochs, string name = "mine") => epochs * 2;

            [Track(Hook.Log)]
            public static async Task<int> LaterAsync(int x)
            {
                await Task.Yield();
                return x;
            }

            public static int UseMine() => FitMine(3) + LaterAsync(1).Result;
        }
        """;
}
