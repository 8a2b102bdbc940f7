namespace Padre.Pads.MLNet.Pipelines;

/// <summary>One step of a pipeline: its type and the parameters known for it, in order.</summary>
/// <param name="Type">A readable type name, e.g. <c>ColumnConcatenatingTransformer</c> or <c>SdcaMaximumEntropy</c>.</param>
/// <param name="Parameters">Name/value pairs (arguments, output columns, model type), in a stable order.</param>
public sealed record PipelineStep(string Type, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    /// <summary>A step with no known parameters.</summary>
    public PipelineStep(string type) : this(type, []) { }
}
