using Padre.Pads.Stores;

namespace Padre.Pads.Export;

/// <summary>Which store failures are worth retrying later, and which reject a record for good.</summary>
internal static class Failures
{
    public static bool IsTransient(Exception e, CancellationToken cancellation) => cancellation.IsCancellationRequested || e switch
    {
        TrackingStoreException t => t.IsTransient,
        HttpRequestException or TimeoutException => true,
        OperationCanceledException => true, // stopping or timed out: the records stay in the spool
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException => false,
        IOException => true,
        NotSupportedException => true, // no store in this build: keep everything in the spool for a build that has one
        _ => false,
    };
}
