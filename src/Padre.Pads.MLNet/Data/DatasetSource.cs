using System.Text.Json;

namespace Padre.Pads.MLNet.Data;

/// <summary>Where a dataset came from, in MLflow's terms: a source type and a JSON description of the source.</summary>
/// <remarks>
/// The JSON of a file source is written when it is first read, not when the file is loaded: the load call is on the
/// program's thread, and writing it there would load <c>System.Private.Uri</c> and <c>System.Text.Json</c> before the
/// program's training. The path is resolved at once, so a later change of directory changes nothing.
/// </remarks>
public sealed record DatasetSource
{
    private readonly Lazy<string> source;

    /// <param name="SourceType">MLflow's source type: <c>local</c> for a file, <c>code</c> for data built in memory.</param>
    /// <param name="Source">MLflow's source JSON, e.g. <c>{"uri": "file:///data/iris.csv"}</c>.</param>
    public DatasetSource(string SourceType, string Source)
        : this(SourceType, new Lazy<string>(Source))
    {
    }

    private DatasetSource(string sourceType, Lazy<string> source)
    {
        SourceType = sourceType;
        this.source = source;
    }

    /// <summary>MLflow's source type: <c>local</c> for a file, <c>code</c> for data built in memory.</summary>
    public string SourceType { get; init; }

    /// <summary>MLflow's source JSON, e.g. <c>{"uri": "file:///data/iris.csv"}</c>.</summary>
    public string Source
    {
        get => source.Value;
        init => source = new Lazy<string>(value);
    }

    /// <summary>MLflow's source type of a local file.</summary>
    internal const string LocalType = "local";

    /// <summary>A local file (as read by <c>LoadFromTextFile</c>): source type <c>local</c>, source <c>{"uri": "file:///..."}</c>.</summary>
    /// <param name="path">The file's path, relative paths resolved against the current directory.</param>
    public static DatasetSource File(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        return new(LocalType, new Lazy<string>(() => Json(w => w.WriteString("uri", new Uri(fullPath).AbsoluteUri))));
    }

    /// <summary>Deconstructs into the source type and the source JSON.</summary>
    public void Deconstruct(out string SourceType, out string Source)
    {
        SourceType = this.SourceType;
        Source = this.Source;
    }

    /// <summary>Equal when the source type and the source JSON are.</summary>
    public bool Equals(DatasetSource? other) =>
        other is not null && SourceType == other.SourceType && Source == other.Source;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(SourceType, Source);

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
