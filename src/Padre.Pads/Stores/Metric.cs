namespace Padre.Pads.Stores;

/// <summary>One point of a metric's history.</summary>
/// <param name="Key">The metric name (MLflow key rules).</param>
/// <param name="Value">The value; NaN and infinities are allowed and encoded as MLflow encodes them.</param>
/// <param name="Timestamp">Milliseconds since the Unix epoch.</param>
/// <param name="Step">The step (any 64-bit integer, 0 by default).</param>
public readonly record struct Metric(string Key, double Value, long Timestamp, long Step = 0);
