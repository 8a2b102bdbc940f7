using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.ML;
using Padre.Pads.Loggers;
using Padre.Pads.MLNet.Data;

namespace Padre.Pads.MLNet.Models;

/// <summary>
/// Saves a fitted ML.NET model into a run as MLflow lays out a model: <c>model/model.zip</c> (ML.NET's own
/// format, with the input schema, loadable by <c>MLContext.Model.Load</c>) and <c>model/MLmodel</c> (YAML:
/// flavor <c>mlnet</c>, ML.NET version, input and output schema as MLflow's signature).
/// </summary>
public static class ModelArtifacts
{
    /// <summary>The file name of the saved model inside the model directory.</summary>
    public const string ModelFile = "model.zip";

    /// <summary>
    /// Saves <paramref name="model"/> with <paramref name="inputSchema"/> and logs it under <paramref name="artifactPath"/>.
    /// </summary>
    /// <remarks>
    /// The files are staged under <c>&lt;temp&gt;/padre-pads/&lt;run id&gt;/&lt;artifactPath&gt;</c> and handed to
    /// <see cref="IRunWriter.LogArtifact"/>; the staging directory is left for the writer, which may copy later.
    /// </remarks>
    /// <returns>The staging directory holding <c>model.zip</c> and <c>MLmodel</c>.</returns>
    public static string Log(IRunWriter run, MLContext ml, ITransformer model, DataViewSchema inputSchema, string artifactPath = "model")
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        ArgumentException.ThrowIfNullOrEmpty(artifactPath);

        var staging = Path.Combine(Path.GetTempPath(), "padre-pads", run.RunId, artifactPath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(staging);
        using (var stream = File.Create(Path.Combine(staging, ModelFile)))
        {
            ml.Model.Save(model, inputSchema, stream);
        }
        File.WriteAllText(Path.Combine(staging, "MLmodel"), MlModel(run.RunId, artifactPath, model, inputSchema, DateTime.UtcNow));
        run.LogArtifact(staging, artifactPath);
        return staging;
    }

    /// <summary>The ML.NET version in use, e.g. <c>5.0.1</c>.</summary>
    public static string MlNetVersion { get; } = VersionOf(typeof(MLContext).Assembly);

    internal static string MlModel(string runId, string artifactPath, ITransformer model, DataViewSchema inputSchema, DateTime createdUtc)
    {
        var output = model.GetOutputSchema(inputSchema);
        var added = Pipelines.SchemaDiff.Produced(inputSchema, output);
        var yaml = new StringBuilder();
        yaml.Append("artifact_path: ").Append(Quote(artifactPath)).Append('\n');
        yaml.Append("flavors:\n");
        yaml.Append("  mlnet:\n");
        yaml.Append("    framework: ML.NET\n");
        yaml.Append("    mlnet_version: ").Append(Quote(MlNetVersion)).Append('\n');
        yaml.Append("    model_file: ").Append(ModelFile).Append('\n');
        yaml.Append("    load_with: Microsoft.ML.MLContext.Model.Load\n");
        yaml.Append("    padre_pads_version: ").Append(Quote(VersionOf(typeof(ModelArtifacts).Assembly))).Append('\n');
        yaml.Append("model_uuid: ").Append(Guid.NewGuid().ToString("N")).Append('\n');
        yaml.Append("run_id: ").Append(runId).Append('\n');
        yaml.Append("signature:\n");
        yaml.Append("  inputs: ").Append(Quote(ColSpecs(inputSchema.Where(c => !c.IsHidden)))).Append('\n');
        yaml.Append("  outputs: ").Append(Quote(ColSpecs(added))).Append('\n');
        yaml.Append("  params: null\n");
        yaml.Append("utc_time_created: ").Append(Quote(createdUtc.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))).Append('\n');
        return yaml.ToString();
    }

    // MLflow's signature holds the colspec list as a JSON string.
    private static string ColSpecs(IEnumerable<DataViewSchema.Column> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns) builder.AddColumn(column.Name, column.Type);
        var json = DatasetJson.Schema(builder.ToSchema());
        const string Prefix = "{\"mlflow_colspec\":";
        return json[Prefix.Length..^1];
    }

    // Single-quoted YAML scalar: only the quote itself needs escaping.
    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string VersionOf(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (!string.IsNullOrEmpty(informational))
        {
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
        return assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
