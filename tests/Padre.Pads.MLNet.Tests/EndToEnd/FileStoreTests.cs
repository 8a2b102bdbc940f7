using Microsoft.ML;
using Padre.Pads.Configuration;
using Padre.Pads.MLNet.Data;
using Padre.Pads.MLNet.Metrics;
using Padre.Pads.MLNet.Models;
using Padre.Pads.MLNet.Pipelines;
using Padre.Pads.MLNet.Splits;
using Padre.Pads.MLNet.Tests.Support;
using Padre.Pads.MLNet.Timing;

namespace Padre.Pads.MLNet.Tests.EndToEnd;

/// <summary>The library writing into a real <see cref="Run"/> over MLflow's file store: every key it makes is accepted.</summary>
[Collection(TrackerCollection.Name)]
public sealed class FileStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_Iris_experiment_lands_in_an_MLflow_file_store()
    {
        var mlruns = _dir.File("mlruns");
        Tracker.Configure(new TrackingOptions
        {
            TrackingUri = TrackingUri.Parse("file://" + mlruns),
            SpoolDirectory = _dir.File("spool"),
            FlushInterval = TimeSpan.FromMilliseconds(20),
        });
        var ml = new MLContext(seed: 1);
        var data = Datasets.Iris(ml);
        string runId;
        using (var run = Tracker.StartRun("iris-e2e", "mlnet-e2e"))
        {
            runId = run.RunId;
            var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);
            SplitSettings.LogTrainTestSplit(run, 0.2, 1, null);
            DataViewDatasets.Log(run, split.TrainSet, "iris", Datasets.IrisSource, DatasetContexts.Training);
            var pipeline = ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
                .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
                .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 10));
            var timing = OperationTiming.Start();
            var model = pipeline.Fit(split.TrainSet);
            timing.Stop().Log(run, "fit");
            PipelineStructure.Of(model, data.Schema).Log(run);
            ModelArtifacts.Log(run, ml, model, data.Schema);
            var scored = model.Transform(split.TestSet);
            var names = ClassNames.FromKeyColumn(scored.Schema);
            Evaluations.Log(run, ml.MulticlassClassification.Evaluate(scored), names, split: "test");
            Evaluations.LogPredictions(run, scored, split: "test");
        }
        Assert.True(Tracker.Flush(TimeSpan.FromSeconds(60)));
        Tracker.Configure(new TrackingOptions { Disabled = true });
        Directory.Delete(Path.Combine(Path.GetTempPath(), "padre-pads", runId), recursive: true);

        var runDir = Directory.EnumerateDirectories(mlruns, runId, SearchOption.AllDirectories).Single();
        Assert.True(File.Exists(Path.Combine(runDir, "metrics", "test_micro_accuracy")));
        Assert.True(File.Exists(Path.Combine(runDir, "metrics", "test_per_class_log_loss", "Iris-setosa")));
        Assert.True(File.Exists(Path.Combine(runDir, "metrics", "time", "fit", "wall_seconds")));
        Assert.Equal("ColumnConcatenatingTransformer", File.ReadAllText(Path.Combine(runDir, "params", "pipeline.0.type")));
        Assert.Equal("0.2", File.ReadAllText(Path.Combine(runDir, "params", "split.test_fraction")));
        var artifacts = Path.Combine(runDir, "artifacts");
        foreach (var file in new[] { "model/model.zip", "model/MLmodel", "pipeline/structure.txt", "pipeline/structure.json",
                     "evaluation/test/confusion_matrix.csv", "evaluation/test/confusion_matrix.txt", "evaluation/test/predictions.csv" })
        {
            Assert.True(File.Exists(Path.Combine(artifacts, file)), $"artifact {file} missing");
        }
        using var stream = File.OpenRead(Path.Combine(artifacts, "model", "model.zip"));
        Assert.NotNull(new MLContext().Model.Load(stream, out _));
        Assert.Contains(Directory.EnumerateFiles(mlruns, "*", SearchOption.AllDirectories), f => f.Contains("inputs", StringComparison.Ordinal) || f.Contains("datasets", StringComparison.Ordinal));
    }
}
