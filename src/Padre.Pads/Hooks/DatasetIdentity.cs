using System.Runtime.CompilerServices;

namespace Padre.Pads.Hooks;

/// <summary>
/// Remembers which objects a <c>[PadreDataset]</c> method returned, so a later Fit/Evaluate reading the
/// same object knows the dataset's name. Weak keys: remembering never keeps data alive.
/// </summary>
public static class DatasetIdentity
{
    private static readonly ConditionalWeakTable<object, DatasetInfo> Known = new();

    /// <summary>The dataset <paramref name="data"/> was declared as, or null.</summary>
    public static DatasetInfo? Of(object? data) => data is not null && Known.TryGetValue(data, out var info) ? info : null;

    internal static void Remember(object data, DatasetInfo info) => Known.AddOrUpdate(data, info);
}
