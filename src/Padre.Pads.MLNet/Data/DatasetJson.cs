using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Padre.Pads.MLNet.Data;

/// <summary>Writes the schema and profile JSON MLflow stores with a dataset.</summary>
internal static class DatasetJson
{
    /// <summary><c>{"mlflow_colspec": [{"type": "float", "name": "SepalLength", "required": true}, ...]}</c>, as MLflow's pandas dataset writes it.</summary>
    public static string Schema(DataViewSchema schema) => Write(w =>
    {
        w.WriteStartArray("mlflow_colspec");
        foreach (var column in schema.Where(c => !c.IsHidden))
        {
            w.WriteStartObject();
            if (column.Type is VectorDataViewType vector)
            {
                w.WriteString("type", "array");
                w.WriteStartObject("items");
                w.WriteString("type", MlflowColumnTypes.Of(vector.ItemType));
                w.WriteEndObject();
            }
            else
            {
                w.WriteString("type", MlflowColumnTypes.Of(column.Type));
            }
            w.WriteString("name", column.Name);
            w.WriteBoolean("required", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    /// <summary>
    /// <c>{"num_rows", "num_elements"}</c> as MLflow's pandas profile, plus <c>columns</c>: per column its
    /// count of present values, missing values, and min/max/mean (numbers) or distinct count (text, keys).
    /// </summary>
    public static string Profile(DataViewScan scan, int visibleColumns) => Write(w =>
    {
        w.WriteNumber("num_rows", scan.Rows);
        w.WriteNumber("num_elements", scan.Rows * visibleColumns);
        if (scan.RowsTruncated) w.WriteBoolean("num_rows_truncated", true);
        w.WriteNumber("profiled_rows", scan.ProfiledRows);
        w.WriteStartArray("columns");
        foreach (var column in scan.Columns)
        {
            var stats = column.Stats;
            w.WriteStartObject();
            w.WriteString("name", column.Column.Name);
            var item = column.Column.Type is VectorDataViewType v ? v.ItemType : column.Column.Type;
            w.WriteString("type", MlflowColumnTypes.Of(item));
            if (column.Column.Type is VectorDataViewType vector) w.WriteNumber("size", vector.Size);
            w.WriteNumber("count", stats.Count);
            w.WriteNumber("missing", stats.Missing);
            if (stats.Kind == ColumnStatsKind.Numeric && stats.Count > 0)
            {
                Number(w, "min", stats.Min);
                Number(w, "max", stats.Max);
                Number(w, "mean", stats.Sum / stats.Count);
            }
            else if (stats.Kind == ColumnStatsKind.Categorical)
            {
                w.WriteNumber("distinct", stats.DistinctCount);
                if (stats.DistinctCapped) w.WriteBoolean("distinct_capped", true);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    // JSON has no NaN/Infinity; write them as MLflow's REST API does, as strings.
    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
