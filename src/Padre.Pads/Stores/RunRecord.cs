namespace Padre.Pads.Stores;

/// <summary>A run as a store returns it: info, latest metric values, params, tags and dataset inputs.</summary>
public sealed record RunRecord(
    RunInfo Info,
    IReadOnlyList<Metric> LatestMetrics,
    IReadOnlyList<Param> Params,
    IReadOnlyList<RunTag> Tags,
    IReadOnlyList<DatasetInput> Inputs);
