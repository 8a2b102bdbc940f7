namespace Padre.Pads.Stores;

/// <summary>A dataset as MLflow records it (table <c>datasets</c>, REST <c>Dataset</c>).</summary>
/// <param name="Name">Dataset name (≤ 500 chars).</param>
/// <param name="Digest">Content digest, stable for the same data (≤ 36 chars).</param>
/// <param name="SourceType">Where it came from, e.g. <c>local</c>, <c>code</c>, <c>http</c>.</param>
/// <param name="Source">JSON describing the source, e.g. <c>{"uri": "file:///data/iris.csv"}</c>.</param>
/// <param name="Schema">JSON schema in MLflow's format, or null.</param>
/// <param name="Profile">JSON profile (row count, column statistics), or null.</param>
public sealed record Dataset(string Name, string Digest, string SourceType, string Source, string? Schema = null, string? Profile = null);
