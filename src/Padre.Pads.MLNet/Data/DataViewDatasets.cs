using Microsoft.ML;
using Padre.Pads.Loggers;
using Padre.Pads.Stores;

namespace Padre.Pads.MLNet.Data;

/// <summary>Describes an <see cref="IDataView"/> as an MLflow dataset: name, digest, source, schema and profile.</summary>
public static class DataViewDatasets
{
    /// <summary>
    /// Reads <paramref name="data"/> once, within <paramref name="options"/>' bounds, and describes it.
    /// </summary>
    /// <remarks>
    /// The digest is 16 lowercase hex characters: the first 64 bits of a SHA-256 over the visible columns'
    /// names and ML.NET types, the values of the first <see cref="DatasetDescriptionOptions.MaxDigestRows"/> rows
    /// (canonical little-endian bytes; vectors as their dense values), then the row count. The same data gives
    /// the same digest in every process and on every platform; any changed value in the hashed rows, any
    /// added or removed row, or a changed column changes it.
    /// </remarks>
    /// <param name="data">The data.</param>
    /// <param name="name">The dataset's name as the run shows it, e.g. <c>iris</c>.</param>
    /// <param name="source">Where the data came from.</param>
    /// <param name="options">Read bounds; null for <see cref="DatasetDescriptionOptions.Default"/>.</param>
    public static Dataset Describe(IDataView data, string name, DatasetSource source, DatasetDescriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(source);
        var scan = DataViewScan.Run(data, options ?? DatasetDescriptionOptions.Default);
        var visible = data.Schema.Count(c => !c.IsHidden);
        return new Dataset(name, scan.Digest, source.SourceType, source.Source,
            DatasetJson.Schema(data.Schema), DatasetJson.Profile(scan, visible));
    }

    /// <summary>Describes <paramref name="data"/> and records it as an input of <paramref name="run"/> in <paramref name="context"/> (see <see cref="DatasetContexts"/>).</summary>
    /// <returns>The dataset recorded.</returns>
    public static Dataset Log(IRunWriter run, IDataView data, string name, DatasetSource source, string context, DatasetDescriptionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(context);
        var dataset = Describe(data, name, source, options);
        run.LogInput(DatasetInput.WithContext(dataset, context));
        return dataset;
    }
}
