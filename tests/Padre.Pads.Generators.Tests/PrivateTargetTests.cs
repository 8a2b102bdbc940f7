using System.Reflection;
using Microsoft.ML;
using Padre.Pads.Generators.Tests.Support;
using Padre.Pads.Stores;

namespace Padre.Pads.Generators.Tests;

/// <summary>Private and protected targets run through their UnsafeAccessor and are tracked like public ones.</summary>
[Collection(InterceptionCollection.Name)]
public sealed class PrivateTargetTests
{
    private static readonly Lazy<Assembly> Experiment = new(() => ProgramRunner.Build(("/src/Program.cs", PrivateSources.Experiment)));
    private static readonly Lazy<Assembly> Shapes = new(() => ProgramRunner.Build(("/src/Shapes.cs", PrivateSources.Shapes)));

    private static RecordingRun RunExperiment()
    {
        using var host = new RecordingHost();
        ProgramRunner.Invoke(Experiment.Value, "Program", "Run", new MLContext(seed: 1), 5);
        Assert.Empty(host.Errors);
        return Assert.Single(host.Runs);
    }

    [Fact]
    public void Private_static_experiment_in_Program_is_a_run_with_its_arguments_as_params()
    {
        var run = RunExperiment();

        Assert.Equal("private-train", run.Name);
        Assert.Equal("Private", run.Experiment);
        Assert.Equal(RunStatus.Finished, run.Status);
        Assert.Equal("5", run.Params["epochs"]);
    }

    [Fact]
    public void Private_instance_fit_method_is_hooked_with_its_arguments_and_timing()
    {
        var run = RunExperiment();

        Assert.Equal("5", run.Params["FitCore.epochs"]);
        Assert.True(run.Metric("timing.FitCore") > 0);
    }

    [Fact]
    public void Private_dataset_method_names_the_data_the_run_reads()
    {
        var run = RunExperiment();

        Assert.Contains(run.Inputs, i => i.Dataset.Name == "private-points");
    }

    [Fact]
    public void Metric_method_returning_a_double_logs_it_under_the_method_name()
    {
        var run = RunExperiment();

        Assert.Equal(0.75, run.Metric("Accuracy"));
    }

    [Fact]
    public void Metric_method_returning_a_nullable_number_logs_a_value_and_skips_null()
    {
        var run = RunExperiment();

        Assert.Equal([4.0], run.Metrics.Where(m => m.Key == "Maybe").Select(m => m.Value));
    }

    [Fact]
    public void Metric_method_returning_a_named_tuple_logs_each_numeric_element()
    {
        var run = RunExperiment();

        Assert.Equal(0.5, run.Metric("Rmse"));
        Assert.Equal(7, run.Metric("Count"));
    }

    [Fact]
    public void Metric_method_returning_a_record_logs_each_numeric_property()
    {
        var run = RunExperiment();

        Assert.Equal(0.25, run.Metric("Mae"));
        Assert.Equal(0.75, run.Metric("R2"));
        Assert.DoesNotContain(run.Metrics, m => m.Key == "Note");
    }

    [Fact]
    public void Metric_method_returning_a_record_struct_logs_each_numeric_property()
    {
        var run = RunExperiment();

        Assert.Equal(0.9, run.Metric("Precision"));
        Assert.Equal(3, run.Metric("Support"));
    }

    [Fact]
    public void Async_metric_method_logs_the_value_its_task_completes_with()
    {
        var run = RunExperiment();

        Assert.Equal(0.125, run.Metric("LossAsync"));
        Assert.True(run.Metric("timing.LossAsync") > 0);
    }

    [Fact]
    public void Async_metric_method_that_faults_records_the_failure_and_no_metric()
    {
        using var host = new RecordingHost();

        var message = ProgramRunner.Invoke(Experiment.Value, "Program", "Broken");

        Assert.Equal("late", message);
        Assert.Contains("late", host.Root.Tags["padre.error.BrokenAsync"]);
        Assert.DoesNotContain(host.Root.Metrics, m => m.Key == "BrokenAsync");
    }

    [Fact]
    public void Every_private_call_shape_reaches_its_target_with_the_callers_arguments()
    {
        using var host = new RecordingHost();

        var result = ProgramRunner.Invoke(Shapes.Value, "Shapes", "Run");

        Assert.Empty(host.Errors);
        Assert.Equal("16,3,t3,6,int4,strings,a,20,boxed,base,42,secret7,5/6,15,derived", result);
    }

    [Fact]
    public void Every_private_call_shape_is_tracked()
    {
        using var host = new RecordingHost();

        ProgramRunner.Invoke(Shapes.Value, "Shapes", "Run");

        var timed = host.Root.Metrics.Select(m => m.Key).Where(k => k.StartsWith("timing.", StringComparison.Ordinal)).ToHashSet();
        string[] expected = ["Add", "Bump", "Sum", "Pick", "First", "LaterAsync", "Get", "Name", "Twice", "Secret", "Increment", "Peek", "Scale", "Times", "Kind"];
        Assert.All(expected, name => Assert.Contains("timing." + name, timed));
        Assert.Equal("1", host.Root.Params["Bump.value"]);
        Assert.Equal("2", host.Root.Params["Bump.scale"]);
    }

    [Fact]
    public void Abstract_generic_struct_ref_struct_and_span_targets_run_and_are_tracked()
    {
        using var host = new RecordingHost();

        var result = ProgramRunner.Invoke(ProgramRunner.Build(("/src/Edges.cs", PrivateSources.Edges)), "Edge", "Run");

        Assert.Empty(host.Errors);
        Assert.Equal("2,5,2,3/2/null,9", result);
        var timed = host.Root.Metrics.Select(m => m.Key).ToHashSet();
        Assert.All(["Step", "Get", "Next", "Count", "Slice", "Maybe", "Nine"], name => Assert.Contains("timing." + name, timed));
    }

    [Fact]
    public void Private_targets_are_called_through_an_unsafe_accessor_in_the_approved_shape()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.EnabledOptions, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, ("/src/Shapes.cs", PrivateSources.Shapes)));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        Snapshot.Match("PrivateShapes", GeneratorHarness.GeneratedWithBodies(run, "Shapes."));
    }

    [Fact]
    public void Metric_methods_read_their_numeric_results_in_the_approved_shape()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.EnabledOptions, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, ("/src/Program.cs", PrivateSources.Experiment)));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        Snapshot.Match("PrivateExperiment", GeneratorHarness.GeneratedWithBodies(run, "Program."));
    }
}
