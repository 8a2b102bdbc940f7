using Microsoft.ML;

namespace Padre.Pads.MLNet.Pipelines;

/// <summary>Which columns a transformation produced, comparing its output schema with its input schema.</summary>
internal static class SchemaDiff
{
    /// <summary>
    /// Visible output columns that are new, changed type, or replaced an input column of the same name. ML.NET
    /// keeps a replaced column as a hidden one beside the new one (and may reorder), so a new hidden column of a
    /// name is what reveals a replacement of the same type (a normalizer on <c>Features</c>).
    /// </summary>
    public static IReadOnlyList<DataViewSchema.Column> Produced(DataViewSchema input, DataViewSchema output)
    {
        var hiddenBefore = input.Where(c => c.IsHidden).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var hiddenAfter = output.Where(c => c.IsHidden).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var produced = new List<DataViewSchema.Column>();
        foreach (var column in output.Where(c => !c.IsHidden))
        {
            var before = input.GetColumnOrNull(column.Name);
            var replaced = hiddenAfter.GetValueOrDefault(column.Name) > hiddenBefore.GetValueOrDefault(column.Name);
            if (before is null || replaced || !before.Value.Type.Equals(column.Type)) produced.Add(column);
        }
        return produced;
    }
}
