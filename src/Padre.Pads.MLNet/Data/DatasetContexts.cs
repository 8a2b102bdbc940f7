namespace Padre.Pads.MLNet.Data;

/// <summary>The roles a dataset plays in a run, written as MLflow's <c>mlflow.data.context</c> input tag.</summary>
public static class DatasetContexts
{
    /// <summary>Data a model was fitted on.</summary>
    public const string Training = "training";

    /// <summary>Data a model was scored on to compute metrics.</summary>
    public const string Evaluation = "evaluation";

    /// <summary>Held-out data (the test side of a split).</summary>
    public const string Testing = "testing";
}
