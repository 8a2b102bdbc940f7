using Padre.Pads.Stores;

namespace Padre.Pads.Export;

/// <summary>
/// Fills one log-batch request within MLflow's limits: 1000 metrics, 100 params, 100 tags, 1000 entities, about
/// 1 MB, and never the same param key twice (MLflow rejects that even with equal values); a tag key twice is split
/// too so the last value wins in order.
/// </summary>
internal sealed class BatchLimits
{
    // Headroom for JSON framing the estimate below does not count.
    private const int ByteBudget = MlflowRules.MaxBatchBytes * 9 / 10;
    private readonly HashSet<string> paramKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> tagKeys = new(StringComparer.Ordinal);
    private int metrics;
    private int bytes;

    public int Count => metrics + paramKeys.Count + tagKeys.Count;

    public bool TryAdd(in ExportRecord record)
    {
        var size = (record.Key?.Length ?? 0) + (record.Text?.Length ?? 0) + 64;
        if (Count + 1 > MlflowRules.MaxEntitiesPerBatch || (Count > 0 && bytes + size > ByteBudget))
        {
            return false;
        }

        switch (record.Kind)
        {
            case RecordKind.Metric when metrics < MlflowRules.MaxMetricsPerBatch:
                metrics++;
                break;
            case RecordKind.Param when paramKeys.Count < MlflowRules.MaxParamsPerBatch && paramKeys.Add(record.Key!):
                break;
            case RecordKind.Tag when tagKeys.Count < MlflowRules.MaxTagsPerBatch && tagKeys.Add(record.Key!):
                break;
            default:
                return false;
        }

        bytes += size;
        return true;
    }

    public void Clear()
    {
        paramKeys.Clear();
        tagKeys.Clear();
        metrics = 0;
        bytes = 0;
    }
}
