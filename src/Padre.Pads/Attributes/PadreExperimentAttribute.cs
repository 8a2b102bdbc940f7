namespace Padre.Pads;

/// <summary>
/// Makes every call of the method one MLflow run (nested in the run that is open, if any), named
/// <see cref="Name"/>; the method's arguments are logged as the run's parameters.
/// </summary>
/// <example><code>[PadreExperiment("Iris SDCA", Project = "Examples")] static void Train(MLContext ml, float l2) { ... }</code></example>
/// <param name="name">The run name shown in MLflow.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PadreExperimentAttribute(string name) : Attribute
{
    /// <summary>The run name.</summary>
    public string Name { get; } = name;

    /// <summary>The MLflow experiment the runs go into; unset: the current one (<c>MLFLOW_EXPERIMENT_NAME</c> or Default).</summary>
    public string? Project { get; set; }
}
