namespace Padre.Pads.Stores;

/// <summary>A run tag (or an experiment tag): a mutable key/value label.</summary>
public readonly record struct RunTag(string Key, string Value);
