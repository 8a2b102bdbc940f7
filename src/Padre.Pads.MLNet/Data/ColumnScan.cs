using Microsoft.ML;
using Microsoft.ML.Data;

namespace Padre.Pads.MLNet.Data;

/// <summary>Reads one column row by row into the digest and the column's statistics.</summary>
internal abstract class ColumnScan(DataViewSchema.Column column, ColumnStats stats)
{
    public DataViewSchema.Column Column { get; } = column;

    public ColumnStats Stats { get; } = stats;

    public abstract void Read(DigestWriter? digest, bool profile);

    /// <summary>A scan for <paramref name="column"/>, or null for a type we do not read (images, custom types).</summary>
    public static ColumnScan? For(DataViewRowCursor cursor, DataViewSchema.Column column, int maxDistinct)
    {
        var type = column.Type;
        var vector = type is VectorDataViewType;
        var item = type is VectorDataViewType v ? v.ItemType : type;
        if (item is KeyDataViewType)
        {
            return item.RawType == typeof(uint) ? Make(cursor, column, KeyCodec<uint>.Instance, vector, maxDistinct)
                : item.RawType == typeof(ulong) ? Make(cursor, column, KeyCodec<ulong>.Instance, vector, maxDistinct)
                : item.RawType == typeof(ushort) ? Make(cursor, column, KeyCodec<ushort>.Instance, vector, maxDistinct)
                : item.RawType == typeof(byte) ? Make(cursor, column, KeyCodec<byte>.Instance, vector, maxDistinct)
                : null;
        }
        var raw = item.RawType;
        return raw == typeof(float) ? Make(cursor, column, SingleCodec.Instance, vector, maxDistinct)
            : raw == typeof(double) ? Make(cursor, column, DoubleCodec.Instance, vector, maxDistinct)
            : raw == typeof(ReadOnlyMemory<char>) ? Make(cursor, column, TextCodec.Instance, vector, maxDistinct)
            : raw == typeof(bool) ? Make(cursor, column, BooleanCodec.Instance, vector, maxDistinct)
            : raw == typeof(int) ? Make(cursor, column, IntegerCodec<int>.Instance, vector, maxDistinct)
            : raw == typeof(long) ? Make(cursor, column, IntegerCodec<long>.Instance, vector, maxDistinct)
            : raw == typeof(uint) ? Make(cursor, column, IntegerCodec<uint>.Instance, vector, maxDistinct)
            : raw == typeof(ulong) ? Make(cursor, column, IntegerCodec<ulong>.Instance, vector, maxDistinct)
            : raw == typeof(short) ? Make(cursor, column, IntegerCodec<short>.Instance, vector, maxDistinct)
            : raw == typeof(ushort) ? Make(cursor, column, IntegerCodec<ushort>.Instance, vector, maxDistinct)
            : raw == typeof(sbyte) ? Make(cursor, column, IntegerCodec<sbyte>.Instance, vector, maxDistinct)
            : raw == typeof(byte) ? Make(cursor, column, IntegerCodec<byte>.Instance, vector, maxDistinct)
            : raw == typeof(DateTime) ? Make(cursor, column, DateTimeCodec.Instance, vector, maxDistinct)
            : raw == typeof(DateTimeOffset) ? Make(cursor, column, DateTimeOffsetCodec.Instance, vector, maxDistinct)
            : raw == typeof(TimeSpan) ? Make(cursor, column, TimeSpanCodec.Instance, vector, maxDistinct)
            : null;
    }

    private static ColumnScan Make<T>(DataViewRowCursor cursor, DataViewSchema.Column column, ValueCodec<T> codec, bool vector, int maxDistinct)
    {
        var stats = new ColumnStats(codec.StatsKind, maxDistinct);
        return vector
            ? new VectorScan<T>(column, stats, cursor.GetGetter<VBuffer<T>>(column), codec)
            : new ScalarScan<T>(column, stats, cursor.GetGetter<T>(column), codec);
    }
}

internal sealed class ScalarScan<T>(DataViewSchema.Column column, ColumnStats stats, ValueGetter<T> getter, ValueCodec<T> codec)
    : ColumnScan(column, stats)
{
    private T _value = default!;

    public override void Read(DigestWriter? digest, bool profile)
    {
        getter(ref _value);
        if (digest is not null) codec.Write(digest, _value);
        if (profile) codec.Observe(Stats, _value);
    }
}

/// <summary>A vector is hashed as its length then its dense values, so sparse and dense storage of the same values agree.</summary>
internal sealed class VectorScan<T>(DataViewSchema.Column column, ColumnStats stats, ValueGetter<VBuffer<T>> getter, ValueCodec<T> codec)
    : ColumnScan(column, stats)
{
    private VBuffer<T> _value;

    public override void Read(DigestWriter? digest, bool profile)
    {
        getter(ref _value);
        digest?.WriteInt64(_value.Length);
        if (digest is null && !profile) return;
        foreach (var item in _value.DenseValues())
        {
            if (digest is not null) codec.Write(digest, item);
            if (profile) codec.Observe(Stats, item);
        }
    }
}
