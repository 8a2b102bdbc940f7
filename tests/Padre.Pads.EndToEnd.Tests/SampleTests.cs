using Padre.Pads.Stores;
using Padre.Pads.Tests.Support;

namespace Padre.Pads.EndToEnd.Tests;

// The samples are ordinary ML.NET programs with no tracking code: everything checked here was recorded by the
// generated interceptors, the run loggers and Padre.Pads.MLNet.
[Collection(nameof(SampleTests))]
[CollectionDefinition(nameof(SampleTests), DisableParallelization = true)]
public sealed class SampleTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("padre-sample-").FullName;

    [Fact]
    public async Task Iris_sample_records_one_complete_run_into_the_default_store()
    {
        var (exitCode, output, errors) = SampleProgram.Run("IrisClassification", directory);
        Assert.True(exitCode == 0, errors);
        Assert.Contains("Micro accuracy", output, StringComparison.Ordinal);

        var run = await StoredRun.OnlyRunIn(directory);
        Assert.Equal(RunStatus.Finished, run.Record.Info.Status);
        // Trainer arguments by name, the written one and the defaults.
        Assert.Equal("0.01", run.Params["SdcaMaximumEntropy.l2Regularization"]);
        Assert.Equal("Label", run.Params["SdcaMaximumEntropy.labelColumnName"]);
        Assert.Contains("labelColumnName", run.Tags["padre.defaults.SdcaMaximumEntropy"], StringComparison.Ordinal);
        // Split settings and pipeline structure.
        Assert.Equal("0.2", run.Params["TrainTestSplit.testFraction"]);
        Assert.Equal("Concatenate -> MapValueToKey -> SdcaMaximumEntropy -> MapKeyToValue", run.Params["pipeline"]);
        // Metrics, confusion matrix, timings, system metrics.
        Assert.InRange(run.Metrics["MicroAccuracy"], 0.9, 1.0);
        Assert.Equal(3, run.Metrics["ConfusionMatrix.NumberOfClasses"]);
        Assert.True(run.Metrics["timing.Fit"] > 0);
        // Fitting SDCA burns CPU and allocates: a zero here means the cost was not measured.
        Assert.True(run.Metrics["timing.Fit.cpu_seconds"] > 0);
        Assert.True(run.Metrics["timing.Fit.allocated_bytes"] > 100_000);
        Assert.True(run.Metrics["system/system_memory_usage_megabytes"] > 0);
        // The dataset: name, digest, schema and row count, as a training input.
        var training = Assert.Single(run.Record.Inputs, i => i.Tags.Any(t => t.Key == DatasetInput.ContextTag && t.Value == "training"));
        Assert.Equal("iris-train", training.Dataset.Name);
        Assert.Matches("^[0-9a-f]{16}$", training.Dataset.Digest);
        Assert.Contains("SepalLength", training.Dataset.Schema, StringComparison.Ordinal);
        Assert.Contains("\"num_rows\":119", training.Dataset.Profile, StringComparison.Ordinal);
        Assert.Contains("iris.csv", training.Dataset.Source, StringComparison.Ordinal);
        // Evaluate(model.Transform(test)): the evaluated data keeps its lineage (name and file), not the parameter's name.
        var evaluation = Assert.Single(run.Record.Inputs, i => i.Tags.Any(t => t.Key == DatasetInput.ContextTag && t.Value == "evaluation"));
        Assert.Equal("iris-test-transformed", evaluation.Dataset.Name);
        Assert.Contains("iris.csv", evaluation.Dataset.Source, StringComparison.Ordinal);
        // Model, pipeline, environment, source and console.
        Assert.Contains("model/model.zip", run.Artifacts);
        Assert.Contains("evaluation/confusion_matrix.csv", run.Artifacts);
        Assert.Contains("evaluation/predictions.csv", run.Artifacts);
        Assert.Contains("pipeline/structure.txt", run.Artifacts);
        Assert.Contains("environment/packages.json", run.Artifacts);
        Assert.Contains("source/Program.cs", run.Artifacts);
        Assert.Contains("console/stdout.txt", run.Artifacts);
        // The console is teed from before Main: the artifact holds exactly what the program printed.
        Assert.Equal(output, File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(directory, "mlruns"), "stdout.txt", SearchOption.AllDirectories))));
        Assert.Equal("LOCAL", run.Tags["mlflow.source.type"]);
        Assert.Equal("5.0.1", run.Tags["padre.package.Microsoft.ML"]);
        Assert.Equal(Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Tags["padre.cpu.available_cores"]);
    }

    [Fact]
    public async Task Taxi_sample_records_cross_validation_and_every_encoder()
    {
        var (exitCode, _, errors) = SampleProgram.Run("TaxiFareRegression", directory);
        Assert.True(exitCode == 0, errors);

        var run = await StoredRun.OnlyRunIn(directory);
        Assert.Equal("5", run.Params["CrossValidate.numberOfFolds"]);
        Assert.Equal("16", run.Params["FastTree.numberOfLeaves"]);
        Assert.Equal("VendorIdEncoded", run.Params["OneHotEncoding.outputColumnName"]);
        Assert.Equal("RateCodeEncoded", run.Params["OneHotEncoding.2.outputColumnName"]);
        Assert.Equal("PaymentTypeEncoded", run.Params["OneHotEncoding.3.outputColumnName"]);
        Assert.InRange(run.Metrics["cv.RSquared"], 0.5, 1.0);
        Assert.InRange(run.Metrics["cv.RSquared.mean"], 0.5, 1.0);
        Assert.InRange(run.Metrics["cv.RSquared.std"], 0.0, 0.5);
        Assert.DoesNotContain("[padre WRN]", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sentiment_sample_records_binary_metrics_and_its_text_dataset()
    {
        var (exitCode, _, errors) = SampleProgram.Run("SentimentBinary", directory);
        Assert.True(exitCode == 0, errors);

        var run = await StoredRun.OnlyRunIn(directory);
        Assert.InRange(run.Metrics["AreaUnderRocCurve"], 0.5, 1.0);
        Assert.InRange(run.Metrics["Accuracy"], 0.5, 1.0);
        Assert.Contains(run.Record.Inputs, i => i.Dataset.Name == "sentiment-train");
        Assert.Contains("model/model.zip", run.Artifacts);
    }

    [MlflowFact]
    public void Iris_run_reads_back_with_mlflows_own_python_client()
    {
        var (exitCode, _, errors) = SampleProgram.Run("IrisClassification", directory);
        Assert.True(exitCode == 0, errors);

        var output = MlflowBundle.RunPython("""
            import json, mlflow
            client = mlflow.MlflowClient()
            run = client.search_runs(["0"])[0]
            inputs = [d.dataset.name for d in run.inputs.dataset_inputs]
            history = client.get_metric_history(run.info.run_id, "MicroAccuracy")
            files = [f.path for f in client.list_artifacts(run.info.run_id, "model")]
            print(json.dumps({"status": run.info.status, "l2": run.data.params["SdcaMaximumEntropy.l2Regularization"],
                              "acc": history[0].value, "inputs": sorted(inputs), "files": files}))
            """, new Dictionary<string, string> { ["MLFLOW_TRACKING_URI"] = "sqlite:///mlflow.db" }, directory);
        using var json = System.Text.Json.JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        Assert.Equal("FINISHED", root.GetProperty("status").GetString());
        Assert.Equal("0.01", root.GetProperty("l2").GetString());
        Assert.InRange(root.GetProperty("acc").GetDouble(), 0.9, 1.0);
        Assert.Contains("iris-train", root.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("model/model.zip", root.GetProperty("files").EnumerateArray().Select(e => e.GetString()));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A store file still being released only leaves a temp directory behind.
        }
    }
}
