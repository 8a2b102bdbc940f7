namespace Padre.Pads.MLNet.Data;

/// <summary>Bounds on how much of a dataset is read to describe it, so tracking stays cheap on big data.</summary>
public sealed record DatasetDescriptionOptions
{
    /// <summary>The defaults: the first 10,000 rows hashed (as MLflow does for pandas), 100,000 profiled, 1,000,000 counted.</summary>
    public static DatasetDescriptionOptions Default { get; } = new();

    /// <summary>Rows whose values go into the digest; past it only the row count does (MLflow hashes 10,000 rows too).</summary>
    public int MaxDigestRows { get; init; } = 10_000;

    /// <summary>Rows that feed the column statistics of the profile.</summary>
    public int MaxProfileRows { get; init; } = 100_000;

    /// <summary>Rows read at most; a larger dataset is reported with <c>"num_rows_truncated": true</c>.</summary>
    public long MaxScanRows { get; init; } = 1_000_000;

    /// <summary>Distinct values counted per text or key column; past it the count is reported as capped.</summary>
    public int MaxDistinctValues { get; init; } = 1_000;
}
