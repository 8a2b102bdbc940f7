using System.Reflection;
using Microsoft.ML;
using Padre.Pads.Generators.Tests.Support;
using Padre.Pads.Hooks;
using Padre.Pads.Stores;

namespace Padre.Pads.Generators.Tests;

/// <summary>Executes generated interceptors over real ML.NET calls and checks what was recorded.</summary>
[Collection(InterceptionCollection.Name)]
public sealed class CompileAndRunTests
{
    private static readonly Lazy<Assembly> Program = new(() => ProgramRunner.Build(("/src/Experiments.cs", RunnableSources.Experiments)));

    private static RecordingRun RunExperiment(string method, params object?[] extra)
    {
        using var host = new RecordingHost();
        ProgramRunner.Invoke(Program.Value, "Entry", method, [new MLContext(seed: 1), .. extra]);
        Assert.Empty(host.Errors);
        return Assert.Single(host.Runs);
    }

    [Fact]
    public void Multiclass_sdca_records_written_and_default_trainer_arguments()
    {
        var run = RunExperiment("Multiclass", 0);

        Assert.Equal("0.01", run.Params["SdcaMaximumEntropy.l2Regularization"]);
        Assert.Equal("Label", run.Params["SdcaMaximumEntropy.labelColumnName"]);
        Assert.Equal("None", run.Params["SdcaMaximumEntropy.l1Regularization"]);
        Assert.Contains("labelColumnName", run.Tags["padre.defaults.SdcaMaximumEntropy"]!.Split(','));
        Assert.DoesNotContain("l2Regularization", run.Tags["padre.defaults.SdcaMaximumEntropy"]!.Split(','));
    }

    [Fact]
    public void Experiment_call_is_one_named_run_in_its_project_with_its_arguments_as_params()
    {
        var run = RunExperiment("Multiclass", 3);

        Assert.Equal("multiclass", run.Name);
        Assert.Equal("Tests", run.Experiment);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal("3", run.Params["predictions"]);
    }

    [Fact]
    public void Multiclass_evaluation_records_every_metric_per_class_values_and_the_confusion_matrix()
    {
        var run = RunExperiment("Multiclass", 0);

        Assert.InRange(run.Metric("MacroAccuracy"), 0, 1);
        Assert.False(double.IsNaN(run.Metric("LogLoss")));
        Assert.False(double.IsNaN(run.Metric("PerClassLogLoss.2")));
        Assert.False(double.IsNaN(run.Metric("ConfusionMatrix.PerClassPrecision.0")));
        Assert.StartsWith("[[", run.Texts["metrics/ConfusionMatrix.Counts.json"]);
    }

    [Fact]
    public void Multiclass_evaluation_without_a_top_k_count_logs_no_top_k_metrics()
    {
        var run = RunExperiment("Multiclass", 0);

        Assert.DoesNotContain(run.Metrics, m => m.Key.StartsWith("TopK", StringComparison.Ordinal));
        Assert.False(double.IsNaN(run.Metric("MicroAccuracy")));
    }

    [Fact]
    public void Multiclass_evaluation_with_a_top_k_count_logs_the_count_and_the_top_k_accuracy()
    {
        using var host = new RecordingHost();
        var accuracy = (double)ProgramRunner.Invoke(Program.Value, "Entry", "MulticlassTopK", new MLContext(seed: 1))!;
        var run = Assert.Single(host.Runs);

        Assert.Equal(2, run.Metric("TopKPredictionCount"));
        Assert.Equal(accuracy, run.Metric("TopKAccuracy"), 12);
        Assert.InRange(accuracy, 0.01, 1);
    }

    [Fact]
    public void An_async_experiment_waited_for_by_blocking_has_ended_its_run_when_the_wait_returns()
    {
        using var host = new RecordingHost();

        var value = (int)ProgramRunner.Invoke(Program.Value, "Entry", "LaterExperiment", 2)!;
        var run = Assert.Single(host.Runs);

        Assert.Equal(3, value);
        Assert.Equal("async", run.Name);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal("2", run.Params["x"]);
    }

    [Fact]
    public void Split_settings_pipeline_structure_timing_and_training_input_are_recorded()
    {
        var run = RunExperiment("Multiclass", 0);

        Assert.Equal("0.25", run.Params["TrainTestSplit.testFraction"]);
        Assert.Equal("1", run.Params["TrainTestSplit.seed"]);
        Assert.Equal("Concatenate -> MapValueToKey -> SdcaMaximumEntropy", run.Params["pipeline"]);
        Assert.True(run.Metric("timing.Fit") > 0);
        Assert.Contains(run.Inputs, i => i.Tags.Any(t => t.Value == "training"));
    }

    [Fact]
    public void Predictions_are_aggregated_per_site_and_written_once_at_run_end()
    {
        using var host = new RecordingHost();
        Interception.FlushSiteStatistics(new RecordingRun("earlier runs", null, null));
        ProgramRunner.Invoke(Program.Value, "Entry", "Multiclass", new MLContext(seed: 1), 25);
        var run = Assert.Single(host.Runs);
        Interception.FlushSiteStatistics(run);

        Assert.DoesNotContain(run.Metrics, m => m.Key == "timing.Predict" && m.Step == 0 && m.Value == 0);
        Assert.Equal(25, run.Metric("timing.Predict.calls"));
        Assert.True(run.Metric("timing.Predict.mean_microseconds") > 0);
    }

    [Fact]
    public void Regression_records_options_members_and_regression_metrics()
    {
        var run = RunExperiment("Regression");

        Assert.Equal("20", run.Params["Sdca.options.MaximumNumberOfIterations"]);
        Assert.Equal("Value", run.Params["Sdca.options.LabelColumnName"]);
        Assert.False(double.IsNaN(run.Metric("RSquared")));
        Assert.False(double.IsNaN(run.Metric("RootMeanSquaredError")));
    }

    [Fact]
    public void Binary_records_classification_metrics()
    {
        var run = RunExperiment("Binary");

        Assert.InRange(run.Metric("Accuracy"), 0, 1);
        Assert.False(double.IsNaN(run.Metric("AreaUnderRocCurve")));
        Assert.Equal("Positive", run.Params["SdcaLogisticRegression.labelColumnName"]);
    }

    [Fact]
    public void Clustering_records_kmeans_arguments_and_clustering_metrics()
    {
        var run = RunExperiment("Clustering");

        Assert.Equal("3", run.Params["KMeans.numberOfClusters"]);
        Assert.False(double.IsNaN(run.Metric("AverageDistance")));
    }

    [Fact]
    public void Cross_validation_records_each_fold_as_a_step()
    {
        var run = RunExperiment("CrossValidation");

        var folds = run.Metrics.Where(m => m.Key == "cv.MacroAccuracy").Select(m => m.Step).Order().ToArray();
        Assert.Equal([0L, 1L, 2L], folds);
        Assert.Equal("3", run.Params["CrossValidate.numberOfFolds"]);
    }

    [Fact]
    public void Declared_dataset_name_reaches_the_inputs_of_runs_that_use_it()
    {
        var run = RunExperiment("Regression");

        Assert.Contains(run.Inputs, i => i.Dataset.Name == "points");
    }

    [Fact]
    public void Failing_experiment_ends_its_run_failed_and_rethrows_the_original_exception()
    {
        using var host = new RecordingHost();
        var thrown = Assert.Throws<TargetInvocationException>(() => ProgramRunner.Invoke(Program.Value, "Entry", "Failing", 7));

        Assert.IsType<InvalidOperationException>(thrown.InnerException);
        var run = Assert.Single(host.Runs);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("boom 7", run.Tags["padre.error.Failing"]);
    }

    [Fact]
    public void Nothing_is_recorded_when_interception_is_off()
    {
        Interception.Attach(null);
        var accuracy = (double)ProgramRunner.Invoke(Program.Value, "Entry", "Multiclass", new MLContext(seed: 1), 2)!;

        Assert.InRange(accuracy, 0, 1);
        Assert.False(Interception.IsEnabled);
    }
}

/// <summary>Tests that attach a host to the process-wide interception entry point run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InterceptionCollection
{
    public const string Name = "Interception";
}
