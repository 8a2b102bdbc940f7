using System.Text.Json;

namespace Padre.Pads.Stores.Mlflow.Rest;

/// <summary>
/// Splits one log-batch call into requests the server accepts, the way the python client does
/// (params and tags 100 at a time with metrics filling up to 1000 entities, then the remaining metrics 1000 at a time),
/// and halves any request whose JSON body would still exceed MLflow's 1 MB limit.
/// </summary>
internal static class LogBatchChunks
{
    public static IEnumerable<LogBatchRequest> Split(string runId, IReadOnlyList<MetricDto> metrics, IReadOnlyList<KeyValueDto> parameters, IReadOnlyList<KeyValueDto> tags)
    {
        var metricIndex = 0;
        var groups = Math.Max((parameters.Count + MlflowRules.MaxParamsPerBatch - 1) / MlflowRules.MaxParamsPerBatch,
                              (tags.Count + MlflowRules.MaxTagsPerBatch - 1) / MlflowRules.MaxTagsPerBatch);
        for (var g = 0; g < groups; g++)
        {
            var p = Slice(parameters, g * MlflowRules.MaxParamsPerBatch, MlflowRules.MaxParamsPerBatch);
            var t = Slice(tags, g * MlflowRules.MaxTagsPerBatch, MlflowRules.MaxTagsPerBatch);
            var room = Math.Max(0, Math.Min(MlflowRules.MaxEntitiesPerBatch - p.Count - t.Count, MlflowRules.MaxMetricsPerBatch));
            var m = Slice(metrics, metricIndex, room);
            metricIndex += m.Count;
            foreach (var request in WithinBytes(Request(runId, m, p, t)))
            {
                yield return request;
            }
        }

        while (metricIndex < metrics.Count)
        {
            var m = Slice(metrics, metricIndex, MlflowRules.MaxMetricsPerBatch);
            metricIndex += m.Count;
            foreach (var request in WithinBytes(Request(runId, m, [], [])))
            {
                yield return request;
            }
        }
    }

    private static IEnumerable<LogBatchRequest> WithinBytes(LogBatchRequest request)
    {
        var count = (request.Metrics?.Count ?? 0) + (request.Params?.Count ?? 0) + (request.Tags?.Count ?? 0);
        if (count <= 1 || JsonSerializer.SerializeToUtf8Bytes(request, MlflowJsonContext.Default.LogBatchRequest).Length <= MlflowRules.MaxBatchBytes)
        {
            yield return request;
            yield break;
        }

        var (first, second) = (Half(request, firstHalf: true), Half(request, firstHalf: false));
        foreach (var part in WithinBytes(first).Concat(WithinBytes(second)))
        {
            yield return part;
        }
    }

    // Cuts the entities (params, then tags, then metrics) in two halves; with at least two entities neither is empty.
    private static LogBatchRequest Half(LogBatchRequest request, bool firstHalf)
    {
        List<KeyValueDto> p = request.Params ?? [], t = request.Tags ?? [];
        List<MetricDto> m = request.Metrics ?? [];
        var cut = (p.Count + t.Count + m.Count) / 2;
        var (cp, ct) = (Math.Min(cut, p.Count), Math.Clamp(cut - p.Count, 0, t.Count));
        var cm = Math.Clamp(cut - p.Count - t.Count, 0, m.Count);
        return firstHalf
            ? Request(request.RunId, m[..cm], p[..cp], t[..ct])
            : Request(request.RunId, m[cm..], p[cp..], t[ct..]);
    }

    private static LogBatchRequest Request(string runId, List<MetricDto> metrics, List<KeyValueDto> parameters, List<KeyValueDto> tags) =>
        new(runId, metrics.Count == 0 ? null : metrics, parameters.Count == 0 ? null : parameters, tags.Count == 0 ? null : tags);

    private static List<T> Slice<T>(IReadOnlyList<T> items, int start, int count)
    {
        var list = new List<T>(Math.Max(0, Math.Min(count, items.Count - start)));
        for (var i = start; i < items.Count && i < start + count; i++)
        {
            list.Add(items[i]);
        }

        return list;
    }
}
