using Microsoft.ML;
using Padre.Pads.Configuration;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.MLNet.Hooks;
using Padre.Pads.MLNet.Tests.Support;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.FileStore;

namespace Padre.Pads.MLNet.Tests.Hooks;

/// <summary>
/// Into a tracker run, the ML.NET event loggers save models, describe datasets and build evaluation tables on the run's
/// background worker; the values recorded must be exactly those the same calls record when the loggers run inline.
/// </summary>
[Collection(TrackerCollection.Name)]
public sealed class BackgroundLoggingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_tracker_run_records_the_values_the_loggers_record_inline()
    {
        MLNetRegistration.Register();
        var path = _dir.File("iris.csv");
        File.WriteAllLines(path, ["SepalLength,SepalWidth,PetalLength,PetalWidth,Label", .. Datasets.IrisRows().Select(r => $"{r.SepalLength},{r.SepalWidth},{r.PetalLength},{r.PetalWidth},{r.Label}")]);
        var inline = new RecordingRunWriter();
        Drive(inline, path);

        var mlruns = _dir.File("mlruns");
        Tracker.Configure(new TrackingOptions
        {
            TrackingUri = TrackingUri.Parse("file://" + mlruns),
            SpoolDirectory = _dir.File("spool"),
            FlushInterval = TimeSpan.FromMilliseconds(20),
            FlushTimeout = TimeSpan.FromSeconds(60),
        });
        string runId;
        try
        {
            var run = Tracker.StartRun("background", "mlnet-background");
            runId = run.RunId;
            Drive(run, path);
            run.End();
            Assert.True(Tracker.Flush(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            Tracker.Configure(new TrackingOptions { Disabled = true });
        }

        var store = new FileTrackingStore(mlruns);
        var stored = await store.GetRunAsync(runId) ?? throw new InvalidOperationException("the run is not in the store");
        Assert.DoesNotContain(stored.Tags, t => t.Key.StartsWith("padre.logger.", StringComparison.Ordinal) && t.Key.EndsWith(".error", StringComparison.Ordinal) || t.Key == "padre.background.cut");
        foreach (var (key, value) in inline.Params)
        {
            Assert.Contains(new Param(key, value!), stored.Params);
        }
        Assert.Equal(Described(inline.Inputs), Described(stored.Inputs));
        foreach (var (file, text) in inline.Texts)
        {
            using var reader = new StreamReader(await store.OpenArtifactAsync(runId, file));
            Assert.Equal(text, await reader.ReadToEndAsync());
        }
        Assert.Contains("evaluation/predictions.csv", inline.Texts.Keys);
        Assert.Contains("pipeline/fitted.txt", inline.Texts.Keys);
        var model = (await store.ListArtifactsAsync(runId, "model")).Select(a => a.Path).ToList();
        Assert.Equal(inline.Files.Keys.Order(), model.Order());

        foreach (var id in new[] { inline.RunId, runId })
        {
            var staging = Path.Combine(Path.GetTempPath(), "padre-pads", id);
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static List<string> Described(IEnumerable<DatasetInput> inputs) =>
        inputs.Select(i => $"{i.Dataset.Name}|{i.Dataset.Digest}|{i.Dataset.SourceType}|{i.Dataset.Source}|{i.Dataset.Schema}|{i.Dataset.Profile}|{string.Join(",", i.Tags.Select(t => t.Key + "=" + t.Value).Order(StringComparer.Ordinal))}")
            .Distinct().Order(StringComparer.Ordinal).ToList();

    // The calls a program like samples/IrisClassification makes, completed as its generated interceptors complete them.
    private static void Drive(IRunWriter writer, string path)
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromTextFile<IrisFlower>(path, separatorChar: ',', hasHeader: true);
        Complete(writer, Hook.Log, "LoadFromTextFile", [new("path", true, ArgumentRole.Value)], [path], data);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 3);
        Complete(writer, Hook.Split, "TrainTestSplit",
            [new("data", true, ArgumentRole.Input), new("testFraction", true, ArgumentRole.Value), new("samplingKeyColumnName", false, ArgumentRole.Value), new("seed", true, ArgumentRole.Value)],
            [data, 0.25, null, 3], split);
        var pipeline = ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
            .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 5));
        var model = pipeline.Fit(split.TrainSet);
        Complete(writer, Hook.Fit, "Fit", [new("input", true, ArgumentRole.Input)], [split.TrainSet], model);
        var scored = model.Transform(split.TestSet);
        Complete(writer, Hook.Transform, "Transform", [new("input", true, ArgumentRole.Input)], [split.TestSet], scored);
        var metrics = ml.MulticlassClassification.Evaluate(scored);
        Complete(writer, Hook.Metric, "Evaluate", [new("data", true, ArgumentRole.Input), new("labelColumnName", false, ArgumentRole.Value)], [scored, "Label"], metrics);
    }

    private static void Complete(IRunWriter writer, Hook hook, string target, SiteParameter[] parameters, object?[] arguments, object? result) =>
        HookedCalls.Complete(writer, hook, target, parameters, arguments, result);
}
