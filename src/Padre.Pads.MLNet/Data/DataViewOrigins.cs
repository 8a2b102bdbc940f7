using System.Runtime.CompilerServices;
using Microsoft.ML;

namespace Padre.Pads.MLNet.Data;

/// <summary>
/// Remembers where data views came from (the file a <c>LoadFromTextFile</c> read, the split they are a side of),
/// so a later <c>Fit</c> or <c>Evaluate</c> on the same view can name its dataset and source. Views are held
/// weakly: remembering never keeps data alive. One instance per tracking session; safe for concurrent use.
/// </summary>
public sealed class DataViewOrigins
{
    private readonly ConditionalWeakTable<IDataView, DataViewOrigin> _origins = new();

    /// <summary>Records that <paramref name="view"/> is the dataset <paramref name="name"/> from <paramref name="source"/>.</summary>
    public void Remember(IDataView view, string name, DatasetSource source)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(source);
        _origins.AddOrUpdate(view, new DataViewOrigin(name, source));
    }

    /// <summary>
    /// Records the two sides of a <c>TrainTestSplit</c> of <paramref name="parent"/>: named <c>&lt;name&gt;-train</c> and
    /// <c>&lt;name&gt;-test</c>, with the parent's source. Does nothing when the parent is unknown.
    /// </summary>
    public void RememberSplit(IDataView parent, DataOperationsCatalog.TrainTestData split)
    {
        ArgumentNullException.ThrowIfNull(parent);
        if (Find(parent) is not { } origin) return;
        Remember(split.TrainSet, origin.Name + "-train", origin.Source);
        Remember(split.TestSet, origin.Name + "-test", origin.Source);
    }

    /// <summary>The origin of <paramref name="view"/>, or null when it was never remembered.</summary>
    public DataViewOrigin? Find(IDataView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return _origins.TryGetValue(view, out var origin) ? origin : null;
    }

    /// <summary>
    /// True when <paramref name="view"/> was loaded from a file, or is a split side or a transform of such a view: its
    /// rows can be read later, on a background worker, and are those of the call. A view over data built in memory
    /// (<c>LoadFromEnumerable</c> over a list the program may change once the call returned) or of unknown origin is not.
    /// </summary>
    internal bool IsFromFile(IDataView view) => Find(view)?.Source.SourceType == DatasetSource.LocalType;

    /// <summary>
    /// The origin of <paramref name="view"/>, or one made up for data we never saw being loaded: named
    /// <paramref name="fallbackName"/>, source <c>code</c>.
    /// </summary>
    public DataViewOrigin FindOrDefault(IDataView view, string fallbackName = "dataset") =>
        Find(view) ?? new DataViewOrigin(fallbackName, DatasetSource.Code(fallbackName));
}

/// <summary>A dataset's name and source.</summary>
public sealed record DataViewOrigin(string Name, DatasetSource Source);
