namespace Padre.Pads.Export;

/// <summary>The store failed in a way that may pass (down, timeout, locked): stop sending, keep the records, retry later.</summary>
internal sealed class StoreUnavailableException(Exception inner) : Exception(inner.Message, inner);
