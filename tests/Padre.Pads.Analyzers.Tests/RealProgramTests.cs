using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Padre.Pads.Analyzers.Attributes;
using Padre.Pads.Analyzers.Calls;
using Padre.Pads.Analyzers.Setup;
using Padre.Pads.Analyzers.Tests.Support;

namespace Padre.Pads.Analyzers.Tests;

/// <summary>All analyzers together on the program DESIGN.md shows a user writing: a correct program is left alone.</summary>
public sealed class RealProgramTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> All =
    [
        new InterceptorsEnabledAnalyzer(),
        new GeneratorRanAnalyzer(),
        new NonInterceptableCallAnalyzer(),
        new UnseededContextAnalyzer(),
        new AttributeUsageAnalyzer(),
        new UncalledExperimentAnalyzer(),
    ];

    private static string Program(string context) => $$"""
        using Microsoft.ML.Data;

        var ml = {{context}};
        var data = Datasets.Iris(ml);
        var model = Training.Train(ml, data);
        var engine = ml.Model.CreatePredictionEngine<Iris, Prediction>(model);
        Console.WriteLine(engine.Predict(new Iris()).PredictedLabel);
        ml.Model.Save(model, data.Schema, "model.zip");

        public sealed class Iris
        {
            public float SepalLength { get; set; }
            public float SepalWidth { get; set; }
            public string Label { get; set; } = "";
        }

        public sealed class Prediction
        {
            public uint PredictedLabel { get; set; }
        }

        internal static class Datasets
        {
            [PadreDataset("iris", Target = "Label")]
            public static IDataView Iris(MLContext ml) => ml.Data.LoadFromEnumerable(new List<Iris> { new() });
        }

        internal static class Training
        {
            [PadreExperiment("Iris SDCA", Project = "Examples")]
            public static ITransformer Train(MLContext ml, IDataView data)
            {
                var pipeline = ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth")
                    .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
                    .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(l2Regularization: 0.01f));
                var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
                var model = pipeline.Fit(split.TrainSet);
                var metrics = ml.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
                Log(metrics.MacroAccuracy);
                return model;
            }

            [Track(Hook.Log)]
            private static double Log(double accuracy) => accuracy;
        }
        """;

    [Fact]
    public async Task A_correct_program_gets_no_diagnostic()
    {
        Assert.Empty(await Analysis.RunAsync(All, Analysis.Compile(Program("new MLContext(seed: 1)"), ProjectShape.Console)));
    }

    [Fact]
    public async Task The_same_program_without_a_seed_gets_only_PADRE023()
    {
        var diagnostics = await Analysis.RunAsync(All, Analysis.Compile(Program("new MLContext()"), ProjectShape.Console));

        Assert.Equal("PADRE023", Assert.Single(diagnostics).Id);
    }
}
