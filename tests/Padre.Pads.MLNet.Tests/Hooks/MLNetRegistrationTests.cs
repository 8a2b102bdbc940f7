using System.Text.Json;
using Microsoft.ML;
using Padre.Pads.Hooks;
using Padre.Pads.Loggers;
using Padre.Pads.MLNet.Hooks;
using Padre.Pads.MLNet.Tests.Support;
using Padre.Pads.Stores;

namespace Padre.Pads.MLNet.Tests.Hooks;

/// <summary>
/// The adapter driven as generated code drives it: a site, the live arguments, the result. The host that starts
/// calls is the tracker's business, so a call is built directly here (its constructor is internal to the runtime).
/// </summary>
public sealed class MLNetRegistrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly RecordingRunWriter _run = new();

    public void Dispose()
    {
        _dir.Dispose();
        var staging = Path.Combine(Path.GetTempPath(), "padre-pads", _run.RunId);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
    }

    private HookCall Complete(Hook hook, string target, SiteParameter[] parameters, object?[] arguments, object? result) =>
        HookedCalls.Complete(_run, hook, target, parameters, arguments, result);

    [Fact]
    public void A_loaded_file_split_and_fit_become_described_inputs_and_a_model()
    {
        MLNetRegistration.Register();
        var path = _dir.File("iris.csv");
        File.WriteAllLines(path, ["SepalLength,SepalWidth,PetalLength,PetalWidth,Label", .. Datasets.IrisRows().Select(r => $"{r.SepalLength},{r.SepalWidth},{r.PetalLength},{r.PetalWidth},{r.Label}")]);
        var ml = new MLContext(1);

        var data = ml.Data.LoadFromTextFile<IrisFlower>(path, separatorChar: ',', hasHeader: true);
        Complete(Hook.Log, "LoadFromTextFile", [new("path", true, ArgumentRole.Value)], [path], data);
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 3);
        Complete(Hook.Split, "TrainTestSplit",
            [new("data", true, ArgumentRole.Input), new("testFraction", true, ArgumentRole.Value), new("samplingKeyColumnName", false, ArgumentRole.Value), new("seed", true, ArgumentRole.Value)],
            [data, 0.25, null, 3], split);
        var pipeline = ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
            .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 5));
        var model = pipeline.Fit(split.TrainSet);
        Complete(Hook.Fit, "Fit", [new("input", true, ArgumentRole.Input)], [split.TrainSet], model);

        var training = _run.Inputs.Single(i => i.Tags.Contains(new RunTag(DatasetInput.ContextTag, "training")));
        Assert.Equal("iris-train", training.Dataset.Name);
        Assert.Equal("local", training.Dataset.SourceType);
        Assert.Equal(new Uri(path).AbsoluteUri, JsonDocument.Parse(training.Dataset.Source).RootElement.GetProperty("uri").GetString());
        Assert.Matches("^[0-9a-f]{16}$", training.Dataset.Digest);
        Assert.Equal("0.25", _run.Params["split.test_fraction"]);
        Assert.Equal("3", _run.Params["split.seed"]);
        Assert.True(_run.Files.ContainsKey("model/model.zip"));
        Assert.True(_run.Files.ContainsKey("model/MLmodel"));
        Assert.Equal("3", _run.Params["pipeline.steps"]);
        Assert.StartsWith("Pipeline (3 steps)", _run.Texts["pipeline/fitted.txt"], StringComparison.Ordinal);
    }
}
