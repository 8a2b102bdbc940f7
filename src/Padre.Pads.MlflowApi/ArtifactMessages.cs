namespace Padre.Pads.Stores.Mlflow.Rest;

// The mlflow-artifacts proxy's listing: paths relative to the listed directory.

internal sealed record FileInfoDto(string? Path, bool IsDir, long? FileSize);

internal sealed record ListArtifactsResponse(List<FileInfoDto>? Files);
