namespace Padre.Pads.Stores;

/// <summary>A run parameter: immutable once logged.</summary>
public readonly record struct Param(string Key, string Value);
