namespace Padre.Pads.MLNet.Data;

/// <summary>Running statistics of one column (for a vector column: of all its elements).</summary>
internal sealed class ColumnStats(ColumnStatsKind kind, int maxDistinct)
{
    private readonly HashSet<string>? _distinct = kind == ColumnStatsKind.Categorical ? new(StringComparer.Ordinal) : null;

    public ColumnStatsKind Kind => kind;
    public long Count { get; private set; }
    public long Missing { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;
    public double Sum { get; private set; }
    public bool DistinctCapped { get; private set; }
    public int DistinctCount => _distinct?.Count ?? 0;

    public void AddMissing() => Missing++;

    public void AddNumber(double value)
    {
        if (double.IsNaN(value))
        {
            Missing++;
            return;
        }
        Count++;
        if (value < Min) Min = value;
        if (value > Max) Max = value;
        Sum += value;
    }

    public void AddCategory(ReadOnlySpan<char> value)
    {
        Count++;
        if (_distinct is null || DistinctCapped) return;
        var text = value.ToString();
        if (_distinct.Count < maxDistinct) _distinct.Add(text);
        else if (!_distinct.Contains(text)) DistinctCapped = true;
    }

    public void AddOther() => Count++;
}

/// <summary>Which statistics a column gets.</summary>
internal enum ColumnStatsKind
{
    /// <summary>count, missing, min, max, mean.</summary>
    Numeric,

    /// <summary>count, missing, distinct (capped).</summary>
    Categorical,

    /// <summary>count only (dates, durations).</summary>
    Other,
}
