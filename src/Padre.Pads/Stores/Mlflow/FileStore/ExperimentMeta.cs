namespace Padre.Pads.Stores.Mlflow.FileStore;

/// <summary>An experiment's <c>meta.yaml</c> (its tags live in <c>tags/</c>).</summary>
internal sealed record ExperimentMeta(
    string ExperimentId,
    string Name,
    string ArtifactLocation,
    string LifecycleStage,
    long? CreationTime,
    long? LastUpdateTime)
{
    /// <summary>The workspace MLflow 3 records for every experiment outside multi-workspace servers.</summary>
    public const string DefaultWorkspace = "default";

    /// <summary>The public experiment with its tags.</summary>
    public Experiment ToExperiment(IReadOnlyList<RunTag> tags) =>
        new(ExperimentId, Name, ArtifactLocation, LifecycleStage, CreationTime, LastUpdateTime, tags);

    /// <summary>The YAML text MLflow writes for <c>dict(experiment)</c> without tags.</summary>
    public string ToYaml() => PyYamlWriter.Write(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["artifact_location"] = ArtifactLocation,
        ["creation_time"] = CreationTime,
        ["experiment_id"] = ExperimentId,
        ["last_update_time"] = LastUpdateTime,
        ["lifecycle_stage"] = LifecycleStage,
        ["name"] = Name,
        ["trace_location"] = null,
        ["workspace"] = DefaultWorkspace,
    });

    /// <summary>Reads an experiment's meta.yaml (old integer ids included).</summary>
    public static ExperimentMeta FromYaml(string yaml)
    {
        var fields = PyYamlReader.Read(yaml);
        return new ExperimentMeta(
            ExperimentId: RunMeta.Text(fields, "experiment_id") ?? throw new FormatException("meta.yaml has no experiment_id."),
            Name: RunMeta.Text(fields, "name") ?? string.Empty,
            ArtifactLocation: RunMeta.Text(fields, "artifact_location") ?? string.Empty,
            LifecycleStage: RunMeta.Text(fields, "lifecycle_stage") ?? RunMeta.Active,
            CreationTime: RunMeta.Number(fields, "creation_time"),
            LastUpdateTime: RunMeta.Number(fields, "last_update_time"));
    }
}
