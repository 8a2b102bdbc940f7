using Microsoft.ML;
using System.Text.Json;
using Padre.Pads.MLNet.Pipelines;
using Padre.Pads.MLNet.Tests.Support;

namespace Padre.Pads.MLNet.Tests.Pipelines;

public sealed class PipelineStructureTests(IrisModels iris) : IClassFixture<IrisModels>
{
    [Fact]
    public void Three_step_chain_gives_three_steps_in_order()
    {
        var structure = PipelineStructure.Of(iris.Multiclass, iris.Data.Schema);

        Assert.Equal(
            ["ColumnConcatenatingTransformer", "ValueToKeyMappingTransformer", "MulticlassPredictionTransformer<MaximumEntropyModelParameters>"],
            structure.Steps.Select(s => s.Type));
    }

    [Fact]
    public void Steps_name_the_columns_they_add_and_the_model()
    {
        var steps = PipelineStructure.Of(iris.Multiclass, iris.Data.Schema).Steps;

        Assert.Equal("Features: Vector<Single, 4>", steps[0].Parameters.Single(p => p.Key == "outputs").Value);
        Assert.Equal("Label: Key<UInt32, 0-2>", steps[1].Parameters.Single(p => p.Key == "outputs").Value);
        Assert.Equal("MaximumEntropyModelParameters", steps[2].Parameters.Single(p => p.Key == "model").Value);
        Assert.Equal("Features", steps[2].Parameters.Single(p => p.Key == "feature_column").Value);
    }

    [Fact]
    public void Log_writes_params_text_and_json()
    {
        var run = new RecordingRunWriter();

        PipelineStructure.Of(iris.Multiclass, iris.Data.Schema).Log(run);

        Assert.Equal("3", run.Params["pipeline.steps"]);
        Assert.Equal("ColumnConcatenatingTransformer", run.Params["pipeline.0.type"]);
        Assert.Equal("Features", run.Params["pipeline.2.feature_column"]);
        Assert.StartsWith("Pipeline (3 steps)\n0. ColumnConcatenatingTransformer\n", run.Texts["pipeline/structure.txt"], StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Texts["pipeline/structure.json"]);
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(3, steps.Count);
        Assert.Equal("ValueToKeyMappingTransformer", steps[1].GetProperty("type").GetString());
        Assert.Equal("MaximumEntropyModelParameters", steps[2].GetProperty("parameters").GetProperty("model").GetString());
    }
}

public sealed class SchemaDiffTests
{
    [Fact]
    public void A_normalizer_replacing_a_column_of_the_same_type_is_seen()
    {
        var ml = new Microsoft.ML.MLContext(1);
        var data = Datasets.Iris(ml);
        var model = ml.Transforms.Concatenate("Features", "SepalLength", "PetalLength")
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Fit(data);

        var steps = PipelineStructure.Of(model, data.Schema).Steps;

        Assert.Equal("Features: Vector<Single, 2>", steps[1].Parameters.Single(p => p.Key == "outputs").Value);
    }
}
