using Microsoft.ML;
using Padre.Pads.MLNet.Models;
using Padre.Pads.MLNet.Tests.Support;

namespace Padre.Pads.MLNet.Tests.Models;

public sealed class ModelArtifactsTests(IrisModels iris) : IClassFixture<IrisModels>, IDisposable
{
    private readonly RecordingRunWriter _run = new();

    public void Dispose()
    {
        var staging = Path.Combine(Path.GetTempPath(), "padre-pads", _run.RunId);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
    }

    [Fact]
    public void Saved_model_loads_back_and_predicts_the_same()
    {
        ModelArtifacts.Log(_run, iris.Ml, iris.Multiclass, iris.Data.Schema);

        using var stream = new MemoryStream(_run.Files["model/model.zip"]);
        var loaded = new MLContext(seed: 5).Model.Load(stream, out var schema);
        var expected = iris.Ml.Data.CreateEnumerable<Scored>(iris.Multiclass.Transform(iris.Split.TestSet), false).ToList();
        var actual = iris.Ml.Data.CreateEnumerable<Scored>(loaded.Transform(iris.Split.TestSet), false).ToList();

        Assert.Equal(iris.Data.Schema.Select(c => c.Name), schema.Select(c => c.Name));
        Assert.Equal(expected.Select(e => e.PredictedLabel), actual.Select(a => a.PredictedLabel));
        Assert.Equal(expected.SelectMany(e => e.Score), actual.SelectMany(a => a.Score));
    }

    [Fact]
    public void MLmodel_names_the_framework_version_and_input_schema()
    {
        ModelArtifacts.Log(_run, iris.Ml, iris.Multiclass, iris.Data.Schema);

        var mlmodel = System.Text.Encoding.UTF8.GetString(_run.Files["model/MLmodel"]).Split('\n');
        Assert.Contains("  mlnet:", mlmodel);
        Assert.Contains("    framework: ML.NET", mlmodel);
        Assert.Contains($"    mlnet_version: '{ModelArtifacts.MlNetVersion}'", mlmodel);
        Assert.Contains("    model_file: model.zip", mlmodel);
        Assert.Contains($"run_id: {_run.RunId}", mlmodel);
        Assert.Contains(
            """  inputs: '[{"type":"float","name":"SepalLength","required":true},{"type":"float","name":"SepalWidth","required":true},{"type":"float","name":"PetalLength","required":true},{"type":"float","name":"PetalWidth","required":true},{"type":"string","name":"Label","required":true}]'""",
            mlmodel);
        Assert.Matches("""^  outputs: '\[.*"name":"PredictedLabel".*\]'$""", mlmodel.Single(l => l.StartsWith("  outputs:", StringComparison.Ordinal)));
    }

    [Fact]
    public void ML_NET_version_is_the_package_version()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", ModelArtifacts.MlNetVersion);
        Assert.StartsWith("5.", ModelArtifacts.MlNetVersion, StringComparison.Ordinal);
    }

    private sealed class Scored
    {
        public uint PredictedLabel { get; set; }
        public float[] Score { get; set; } = [];
    }
}
