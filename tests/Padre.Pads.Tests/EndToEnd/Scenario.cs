using Padre.Pads.Stores;

namespace Padre.Pads.Tests.EndToEnd;

/// <summary>
/// One experiment logged through the public static API: a parent run with params, a metric history with NaN and
/// infinities, tags, a dataset input, a text and a file artifact, and a nested child that fails.
/// </summary>
internal static class Scenario
{
    public const string Experiment = "e2e-experiment";
    public const string ParentName = "e2e-parent";
    public const string ChildName = "e2e-child";
    public const string FileArtifactContent = "col_a,col_b\n1,2\n";

    public static readonly double[] LossValues = [0.9, 0.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.125];

    public static readonly Dataset Dataset = new("iris-train", "d41d8cd9", "local", "file:///data/iris.csv");

    public static void Log(string workDirectory)
    {
        var csv = Path.Combine(workDirectory, "sample.csv");
        File.WriteAllText(csv, FileArtifactContent);
        using (var parent = Tracker.StartRun(ParentName, Experiment, new Dictionary<string, string> { ["team"] = "ml" }))
        {
            Tracker.LogParam("learning_rate", "0.01");
            Tracker.LogParam("learning_rate", "0.01");
            Tracker.LogParam("trainer", "SdcaMaximumEntropy");
            for (var i = 0; i < LossValues.Length; i++)
            {
                Tracker.LogMetric("loss", LossValues[i], i);
            }

            Tracker.SetTag("stage", "train");
            Tracker.LogInput(DatasetInput.WithContext(Dataset, "training"));
            Tracker.LogText("hello from padre", "notes/readme.txt");
            Tracker.LogArtifact(csv, "data");

            // The experiment is named again on purpose: a nested run without one lands in the default experiment,
            // not its parent's (TrackingSession.Create; reported to the coordinator).
            var child = Tracker.StartRun(ChildName, Experiment);
            Tracker.LogParam("fold", "1");
            child.Fail(new InvalidOperationException("fold 1 diverged"));
            Assert.Same(parent, Tracker.ActiveRun);
        }
    }

    /// <summary>What every store must show to the Python client.</summary>
    /// <param name="sqlBacked">MLflow's SQL store keeps infinities as ±double.MaxValue (MySQL has no inf); the file store keeps them.</param>
    public static void AssertReadBack(IReadOnlyList<RunView> runs, bool sqlBacked)
    {
        Assert.Equal(2, runs.Count);
        var parent = Assert.Single(runs, r => r.Name == ParentName);
        var child = Assert.Single(runs, r => r.Name == ChildName);

        Assert.Equal("FINISHED", parent.Status);
        Assert.Equal("FAILED", child.Status);

        Assert.Equal(new Dictionary<string, string> { ["learning_rate"] = "0.01", ["trainer"] = "SdcaMaximumEntropy" }, parent.Params);
        Assert.Equal(new Dictionary<string, string> { ["fold"] = "1" }, child.Params);

        Assert.Equal(Enumerable.Range(0, LossValues.Length).Select(i => (long)i), parent.Loss.Select(p => p.Step));
        var expected = sqlBacked
            ? LossValues.Select(v => double.IsInfinity(v) ? Math.CopySign(double.MaxValue, v) : v)
            : LossValues;
        Assert.Equal(expected, parent.Loss.Select(p => p.Value));
        Assert.Equal(["loss"], parent.MetricKeys);

        Assert.Equal("ml", parent.Tags["team"]);
        Assert.Equal("train", parent.Tags["stage"]);
        Assert.Equal(ParentName, parent.Tags["mlflow.runName"]);
        Assert.Equal(Environment.UserName, parent.Tags["mlflow.user"]);
        Assert.Equal("LOCAL", parent.Tags["mlflow.source.type"]);
        Assert.False(string.IsNullOrEmpty(parent.Tags["mlflow.source.name"]));
        Assert.Equal(parent.Id, child.Tags["mlflow.parentRunId"]);
        Assert.Equal(ChildName, child.Tags["mlflow.runName"]);
        Assert.Contains("fold 1 diverged", child.Tags["padre.error"], StringComparison.Ordinal);

        var input = Assert.Single(parent.Inputs);
        Assert.Equal((Dataset.Name, Dataset.Digest, Dataset.SourceType, Dataset.Source), (input.Name, input.Digest, input.SourceType, input.Source));
        Assert.Equal("training", input.Tags[DatasetInput.ContextTag]);

        Assert.Equal("hello from padre", parent.Artifacts["notes/readme.txt"]);
        Assert.Equal(FileArtifactContent, parent.Artifacts["data/sample.csv"]);
        Assert.Equal(2, parent.Artifacts.Count);
    }
}
