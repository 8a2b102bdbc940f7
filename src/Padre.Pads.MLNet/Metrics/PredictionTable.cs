using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Padre.Pads.MLNet.Metrics;

/// <summary>
/// Per-instance predictions of scored data as CSV: a <c>row</c> index, then the label, predicted label, score
/// and probability columns that are present; a key is written as its class name, a vector as one column per slot
/// (<c>Score/&lt;class&gt;</c>).
/// </summary>
internal static class PredictionTable
{
    public static readonly string[] DefaultColumns = ["Label", "PredictedLabel", "Score", "Probability"];

    public static string Csv(IDataView scored, IReadOnlyList<string> columns, int maxRows)
    {
        var present = columns
            .Select(name => scored.Schema.GetColumnOrNull(name))
            .OfType<DataViewSchema.Column>()
            .Where(c => !c.IsHidden)
            .ToList();
        var csv = new StringBuilder("row");
        using var cursor = scored.GetRowCursor(present);
        var cells = new List<Cell>();
        foreach (var column in present)
        {
            var cell = Cell.For(cursor, column, scored.Schema);
            if (cell is null) continue;
            cells.Add(cell);
            foreach (var header in cell.Headers) csv.Append(',').Append(CsvText.Field(header));
        }
        csv.Append('\n');
        for (var row = 0; row < maxRows && cursor.MoveNext(); row++)
        {
            csv.Append(row.ToString(CultureInfo.InvariantCulture));
            foreach (var cell in cells) cell.Append(csv);
            csv.Append('\n');
        }
        return csv.ToString();
    }

    private abstract class Cell(IReadOnlyList<string> headers)
    {
        public IReadOnlyList<string> Headers { get; } = headers;

        public abstract void Append(StringBuilder csv);

        public static Cell? For(DataViewRowCursor cursor, DataViewSchema.Column column, DataViewSchema schema)
        {
            var type = column.Type;
            if (type is KeyDataViewType && type.RawType == typeof(uint))
            {
                return new KeyCell(column.Name, cursor.GetGetter<uint>(column), KeyNames(column));
            }
            if (type is VectorDataViewType { ItemType.RawType: var item } vector && item == typeof(float))
            {
                return new VectorCell(SlotHeaders(column, vector.Size, schema), cursor.GetGetter<VBuffer<float>>(column));
            }
            var raw = type.RawType;
            if (raw == typeof(float)) { var g = cursor.GetGetter<float>(column); float v = 0; return new TextCell(column.Name, () => { g(ref v); return CsvText.Number(v); }); }
            if (raw == typeof(double)) { var g = cursor.GetGetter<double>(column); double v = 0; return new TextCell(column.Name, () => { g(ref v); return CsvText.Number(v); }); }
            if (raw == typeof(bool)) { var g = cursor.GetGetter<bool>(column); bool v = false; return new TextCell(column.Name, () => { g(ref v); return v ? "true" : "false"; }); }
            if (raw == typeof(int)) { var g = cursor.GetGetter<int>(column); int v = 0; return new TextCell(column.Name, () => { g(ref v); return v.ToString(CultureInfo.InvariantCulture); }); }
            if (raw == typeof(long)) { var g = cursor.GetGetter<long>(column); long v = 0; return new TextCell(column.Name, () => { g(ref v); return v.ToString(CultureInfo.InvariantCulture); }); }
            if (raw == typeof(uint)) { var g = cursor.GetGetter<uint>(column); uint v = 0; return new TextCell(column.Name, () => { g(ref v); return v.ToString(CultureInfo.InvariantCulture); }); }
            if (raw == typeof(ReadOnlyMemory<char>)) { var g = cursor.GetGetter<ReadOnlyMemory<char>>(column); ReadOnlyMemory<char> v = default; return new TextCell(column.Name, () => { g(ref v); return v.ToString(); }); }
            return null;
        }

        private static IReadOnlyList<string>? KeyNames(DataViewSchema.Column column)
        {
            if (!column.HasKeyValues(TextDataViewType.Instance)) return null;
            VBuffer<ReadOnlyMemory<char>> names = default;
            column.GetKeyValues(ref names);
            return names.DenseValues().Select(n => n.ToString()).ToList();
        }

        // Slot names (ML.NET puts the class names on a multiclass Score), else the label's classes, else indices.
        private static List<string> SlotHeaders(DataViewSchema.Column column, int size, DataViewSchema schema)
        {
            IReadOnlyList<string>? names = null;
            if (column.HasSlotNames())
            {
                VBuffer<ReadOnlyMemory<char>> slots = default;
                column.GetSlotNames(ref slots);
                names = slots.DenseValues().Select(n => n.ToString()).ToList();
            }
            names ??= ClassNames.FromKeyColumn(schema);
            return Enumerable.Range(0, size)
                .Select(i => $"{column.Name}/{(names is not null && i < names.Count && names[i].Length > 0 ? names[i] : i.ToString(CultureInfo.InvariantCulture))}")
                .ToList();
        }
    }

    private sealed class TextCell(string header, Func<string> read) : Cell([header])
    {
        public override void Append(StringBuilder csv) => csv.Append(',').Append(CsvText.Field(read()));
    }

    private sealed class KeyCell(string header, ValueGetter<uint> getter, IReadOnlyList<string>? names) : Cell([header])
    {
        private uint _value;

        public override void Append(StringBuilder csv)
        {
            getter(ref _value);
            var text = _value == 0 ? ""
                : names is not null && _value <= names.Count ? names[(int)_value - 1]
                : (_value - 1).ToString(CultureInfo.InvariantCulture);
            csv.Append(',').Append(CsvText.Field(text));
        }
    }

    private sealed class VectorCell(IReadOnlyList<string> headers, ValueGetter<VBuffer<float>> getter) : Cell(headers)
    {
        private VBuffer<float> _value;

        public override void Append(StringBuilder csv)
        {
            getter(ref _value);
            var written = 0;
            foreach (var item in _value.DenseValues())
            {
                if (written++ == Headers.Count) break;
                csv.Append(',').Append(CsvText.Number(item));
            }
            for (; written < Headers.Count; written++) csv.Append(',');
        }
    }
}
