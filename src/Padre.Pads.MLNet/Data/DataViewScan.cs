using Microsoft.ML;

namespace Padre.Pads.MLNet.Data;

/// <summary>One bounded pass over an <see cref="IDataView"/> that yields its digest and its column statistics.</summary>
internal sealed class DataViewScan
{
    /// <summary>Hex characters of the digest: 64 bits of SHA-256, twice MLflow's 8 and within its 36-char limit.</summary>
    public const int DigestLength = 16;

    private DataViewScan(string digest, long rows, bool truncated, long profiledRows, IReadOnlyList<ColumnScan> columns)
    {
        Digest = digest;
        Rows = rows;
        RowsTruncated = truncated;
        ProfiledRows = profiledRows;
        Columns = columns;
    }

    public string Digest { get; }
    public long Rows { get; }
    public bool RowsTruncated { get; }
    public long ProfiledRows { get; }
    public IReadOnlyList<ColumnScan> Columns { get; }

    public static DataViewScan Run(IDataView data, DatasetDescriptionOptions options)
    {
        var visible = data.Schema.Where(c => !c.IsHidden).ToList();
        using var digest = new DigestWriter();
        foreach (var column in visible)
        {
            digest.WriteText(column.Name);
            digest.WriteText(column.Type.ToString());
        }

        using var cursor = data.GetRowCursor(visible);
        var scans = new List<ColumnScan>();
        foreach (var column in visible)
        {
            var scan = ColumnScan.For(cursor, column, options.MaxDistinctValues);
            if (scan is not null) scans.Add(scan);
        }

        // When the view knows its size, stop reading once digest and profile are done.
        var known = data.GetRowCount();
        long readLimit = Math.Max(options.MaxDigestRows, options.MaxProfileRows);
        long rows = 0;
        var truncated = false;
        while (true)
        {
            if (known is not null && rows >= readLimit) break;
            if (rows >= options.MaxScanRows)
            {
                truncated = cursor.MoveNext();
                break;
            }
            if (!cursor.MoveNext()) break;
            var hash = rows < options.MaxDigestRows ? digest : null;
            var profile = rows < options.MaxProfileRows;
            if (hash is not null || profile)
            {
                foreach (var scan in scans) scan.Read(hash, profile);
            }
            rows++;
        }
        var total = known is long k ? k : rows;
        digest.WriteInt64(total);
        return new DataViewScan(digest.Finish(DigestLength), total, truncated, Math.Min(rows, options.MaxProfileRows), scans);
    }
}
