namespace Padre.Pads.Stores;

/// <summary>A file or directory in a run's artifacts; <see cref="Path"/> is relative to the run's artifact root.</summary>
public sealed record ArtifactEntry(string Path, bool IsDirectory, long? FileSize);
