using Microsoft.ML;
using Microsoft.ML.Data;

namespace Padre.Pads.MLNet.Metrics;

/// <summary>Finds the names of the classes behind a key column (the values <c>MapValueToKey</c> saw).</summary>
public static class ClassNames
{
    /// <summary>
    /// The key values of <paramref name="column"/> in <paramref name="schema"/> (for a label mapped with
    /// <c>MapValueToKey</c>), in key order; null when the column is absent or carries no text key values.
    /// </summary>
    public static IReadOnlyList<string>? FromKeyColumn(DataViewSchema schema, string column = "Label")
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.GetColumnOrNull(column) is not DataViewSchema.Column col) return null;
        if (!col.HasKeyValues(TextDataViewType.Instance)) return null;
        VBuffer<ReadOnlyMemory<char>> values = default;
        col.GetKeyValues(ref values);
        return values.DenseValues().Select(v => v.ToString()).ToList();
    }
}
