namespace Padre.Pads;

/// <summary>
/// Declares that what the method returns is the dataset <see cref="Name"/>: every run that fits or evaluates
/// on it records it under that name.
/// </summary>
/// <example><code>[PadreDataset("iris", Target = "Label")] static IDataView Iris(MLContext ml) =&gt; ...;</code></example>
/// <param name="name">The dataset name shown in MLflow.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PadreDatasetAttribute(string name) : Attribute
{
    /// <summary>The dataset name.</summary>
    public string Name { get; } = name;

    /// <summary>The target (label) column, if the dataset has one.</summary>
    public string? Target { get; set; }
}
