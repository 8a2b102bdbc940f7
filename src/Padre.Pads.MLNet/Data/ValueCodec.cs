using System.Numerics;

namespace Padre.Pads.MLNet.Data;

/// <summary>How values of one ML.NET raw type are hashed and counted. One sealed codec per type: no reflection.</summary>
internal abstract class ValueCodec<T>
{
    public abstract ColumnStatsKind StatsKind { get; }

    public abstract void Write(DigestWriter digest, in T value);

    public abstract void Observe(ColumnStats stats, in T value);
}

internal sealed class SingleCodec : ValueCodec<float>
{
    public static readonly SingleCodec Instance = new();
    public override ColumnStatsKind StatsKind => ColumnStatsKind.Numeric;
    public override void Write(DigestWriter digest, in float value) => digest.WriteSingle(value);
    public override void Observe(ColumnStats stats, in float value) => stats.AddNumber(value);
}

internal sealed class DoubleCodec : ValueCodec<double>
{
    public static readonly DoubleCodec Instance = new();
    public override ColumnStatsKind StatsKind => ColumnStatsKind.Numeric;
    public override void Write(DigestWriter digest, in double value) => digest.WriteDouble(value);
    public override void Observe(ColumnStats stats, in double value) => stats.AddNumber(value);
}

internal sealed class IntegerCodec<T> : ValueCodec<T> where T : IBinaryInteger<T>
{
    public static readonly IntegerCodec<T> Instance = new();
    public override ColumnStatsKind StatsKind => ColumnStatsKind.Numeric;
    public override void Write(DigestWriter digest, in T value) => digest.WriteInt64(long.CreateTruncating(value));
    public override void Observe(ColumnStats stats, in T value) => stats.AddNumber(double.CreateTruncating(value));
}

/// <summary>A key column holds category indices: 0 means missing, the others are categories.</summary>
internal sealed class KeyCodec<T> : ValueCodec<T> where T : IBinaryInteger<T>
{
    public static readonly KeyCodec<T> Instance = new();
    public override ColumnStatsKind StatsKind => ColumnStatsKind.Categorical;
    public override void Write(DigestWriter digest, in T value) => digest.WriteInt64(long.CreateTruncating(value));

    public override void Observe(ColumnStats stats, in T value)
    {
        if (T.IsZero(value))
        {
            stats.AddMissing();
            return;
        }
        Span<char> text = stackalloc char[24];
        value.TryFormat(text, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        stats.AddCategory(text[..written]);
    }
}

internal sealed class BooleanCodec : ValueCodec<bool>
{
    public static readonly BooleanCodec Instance = new();
    public override ColumnStatsKind StatsKind => ColumnStatsKind.Numeric;
    public override void Write(DigestWriter digest, in bool value) => digest.WriteByte(value ? (byte)1 : (byte)0);
    public override void Observe(ColumnStats stats, in bool value) => stats.AddNumber(value ? 1 : 0);
}

/// <summary>Text: an empty value counts as missing (ML.NET's loaders read an empty field as empty text).</summary>
internal sealed class TextCodec : ValueCodec<ReadOnlyMemory<char>>
{
    public static readonly TextCodec Instance = new();
    public override ColumnStatsKind StatsKind => ColumnStatsKind.Categorical;
    public override void Write(DigestWriter digest, in ReadOnlyMemory<char> value) => digest.WriteText(value.Span);

    public override void Observe(ColumnStats stats, in ReadOnlyMemory<char> value)
    {
        if (value.IsEmpty) stats.AddMissing();
        else stats.AddCategory(value.Span);
    }
}

internal sealed class DateTimeCodec : ValueCodec<DateTime>
{
    public static readonly DateTimeCodec Instance = new();
    public override ColumnStatsKind StatsKind => ColumnStatsKind.Other;
    public override void Write(DigestWriter digest, in DateTime value) => digest.WriteInt64(value.Ticks);
    public override void Observe(ColumnStats stats, in DateTime value) => stats.AddOther();
}

internal sealed class DateTimeOffsetCodec : ValueCodec<DateTimeOffset>
{
    public static readonly DateTimeOffsetCodec Instance = new();
    public override ColumnStatsKind StatsKind => ColumnStatsKind.Other;
    public override void Write(DigestWriter digest, in DateTimeOffset value) => digest.WriteInt64(value.UtcTicks);
    public override void Observe(ColumnStats stats, in DateTimeOffset value) => stats.AddOther();
}

internal sealed class TimeSpanCodec : ValueCodec<TimeSpan>
{
    public static readonly TimeSpanCodec Instance = new();
    public override ColumnStatsKind StatsKind => ColumnStatsKind.Other;
    public override void Write(DigestWriter digest, in TimeSpan value) => digest.WriteInt64(value.Ticks);
    public override void Observe(ColumnStats stats, in TimeSpan value) => stats.AddOther();
}
