using Padre.Pads.Stores;

namespace Padre.Pads.Configuration;

/// <summary>Builds the built-in store a tracking URI names.</summary>
internal static class DefaultStoreFactory
{
    // The concrete stores (SQLite, file store, REST) land in their own folders; until then a URI that needs
    // one says so plainly instead of failing later with something obscure.
    public static ITrackingStore Create(TrackingUri uri, TrackingOptions options) => uri.Kind switch
    {
        _ => throw new NotSupportedException(
            $"The store kind {uri.Kind} ({uri}) is not available in this build of Padre.Pads; set TrackingOptions.StoreFactory to provide a store."),
    };
}
