using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.MLNet.Pipelines;

/// <summary>
/// The steps of a pipeline in order, written into a run as <c>pipeline/structure.txt</c>, <c>pipeline/structure.json</c>
/// and as params <c>pipeline.&lt;i&gt;.type</c>, <c>pipeline.&lt;i&gt;.&lt;name&gt;</c> plus <c>pipeline.steps</c>.
/// </summary>
public sealed class PipelineStructure
{
    /// <summary>A structure made of <paramref name="steps"/>.</summary>
    public PipelineStructure(IEnumerable<PipelineStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps.ToList();
    }

    /// <summary>The steps, first applied first.</summary>
    public IReadOnlyList<PipelineStep> Steps { get; }

    /// <summary>
    /// The structure of a fitted model: each transformer of the (flattened) chain with the columns it adds
    /// (name and ML.NET type, found by applying its output schema to <paramref name="inputSchema"/>); a
    /// prediction transformer also names its model type and feature column.
    /// </summary>
    /// <remarks>
    /// ML.NET does not expose the estimators inside an <c>EstimatorChain</c>, nor most estimator options, so a
    /// trainer's arguments come from the call that created it (the generated interception), not from here.
    /// </remarks>
    public static PipelineStructure Of(ITransformer model, DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputSchema);
        var steps = new List<PipelineStep>();
        var schema = inputSchema;
        foreach (var transformer in Flatten(model))
        {
            var output = transformer.GetOutputSchema(schema);
            var parameters = new List<KeyValuePair<string, string>>();
            var added = SchemaDiff.Produced(schema, output);
            if (added.Count > 0)
            {
                parameters.Add(new("outputs", string.Join(", ", added.Select(c => $"{c.Name}: {c.Type}"))));
            }
            if (transformer is ISingleFeaturePredictionTransformer<object> prediction)
            {
                parameters.Add(new("model", TypeNames.Readable(prediction.Model.GetType())));
                parameters.Add(new("feature_column", prediction.FeatureColumnName));
            }
            steps.Add(new PipelineStep(TypeNames.Readable(transformer.GetType()), parameters));
            schema = output;
        }
        return new PipelineStructure(steps);
    }

    /// <summary>Readable text: one numbered line per step, its parameters indented below.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append("Pipeline (").Append(Steps.Count).Append(Steps.Count == 1 ? " step" : " steps").Append(")\n");
        for (var i = 0; i < Steps.Count; i++)
        {
            text.Append(i).Append(". ").Append(Steps[i].Type).Append('\n');
            foreach (var (name, value) in Steps[i].Parameters)
            {
                text.Append("     ").Append(name).Append(" = ").Append(value).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary><c>{"steps": [{"index": 0, "type": "...", "parameters": {"name": "value"}}]}</c>.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("steps");
            for (var i = 0; i < Steps.Count; i++)
            {
                w.WriteStartObject();
                w.WriteNumber("index", i);
                w.WriteString("type", Steps[i].Type);
                w.WriteStartObject("parameters");
                foreach (var (name, value) in Steps[i].Parameters) w.WriteString(name, value);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the structure into <paramref name="run"/> as artifacts <c>pipeline/&lt;fileName&gt;.txt|.json</c> and params.</summary>
    /// <param name="run">The run.</param>
    /// <param name="fileName">The artifact file name without extension: <c>structure</c>, or another when that name is taken.</param>
    public void Log(IRunWriter run, string fileName = "structure")
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        run.LogText(ToText(), $"pipeline/{fileName}.txt");
        run.LogText(ToJson(), $"pipeline/{fileName}.json");
        run.LogParam("pipeline.steps", Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < Steps.Count; i++)
        {
            run.LogParam($"pipeline.{i}.type", Steps[i].Type);
            foreach (var (name, value) in Steps[i].Parameters)
            {
                run.LogParam(MlflowRules.SanitizeKey($"pipeline.{i}.{name}"), value);
            }
        }
    }

    private static IEnumerable<ITransformer> Flatten(ITransformer model)
    {
        if (model is IEnumerable<ITransformer> chain)
        {
            foreach (var inner in chain)
            {
                foreach (var step in Flatten(inner)) yield return step;
            }
        }
        else
        {
            yield return model;
        }
    }
}
