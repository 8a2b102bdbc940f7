using System.Text.Json;

namespace Padre.Pads.MLNet.Data;

/// <summary>Where a dataset came from, in MLflow's terms: a source type and a JSON description of the source.</summary>
/// <param name="SourceType">MLflow's source type: <c>local</c> for a file, <c>code</c> for data built in memory.</param>
/// <param name="Source">MLflow's source JSON, e.g. <c>{"uri": "file:///data/iris.csv"}</c>.</param>
public sealed record DatasetSource(string SourceType, string Source)
{
    /// <summary>MLflow's source type of a local file.</summary>
    internal const string LocalType = "local";

    /// <summary>A local file (as read by <c>LoadFromTextFile</c>): source type <c>local</c>, source <c>{"uri": "file:///..."}</c>.</summary>
    /// <param name="path">The file's path, relative paths resolved against the current directory.</param>
    public static DatasetSource File(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var uri = new Uri(Path.GetFullPath(path)).AbsoluteUri;
        return new(LocalType, Json(w => w.WriteString("uri", uri)));
    }

    /// <summary>
    /// Data made in code (<c>LoadFromEnumerable</c>, a built-in dataset): source type <c>code</c>, source
    /// <c>{"tags": {"mlflow.source.name": name}}</c> as MLflow's <c>CodeDatasetSource</c> writes it.
    /// </summary>
    /// <param name="name">What made the data, e.g. the program or <c>Padre.Pads.MLNet.Datasets.Iris</c>.</param>
    public static DatasetSource Code(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new("code", Json(w =>
        {
            w.WriteStartObject("tags");
            w.WriteString("mlflow.source.name", name);
            w.WriteEndObject();
        }));
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
