namespace Padre.Pads.Stores;

/// <summary>A dataset used by a run, with input tags such as <c>mlflow.data.context</c>.</summary>
public sealed record DatasetInput(Dataset Dataset, IReadOnlyList<RunTag> Tags)
{
    /// <summary>The input tag MLflow uses for the role of the data (training, evaluation, ...).</summary>
    public const string ContextTag = "mlflow.data.context";

    /// <summary>A dataset input with only a context tag.</summary>
    public static DatasetInput WithContext(Dataset dataset, string context) =>
        new(dataset, [new RunTag(ContextTag, context)]);
}
