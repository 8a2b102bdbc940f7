using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.FileStore;
using Padre.Pads.Stores.Mlflow.Rest;
using Padre.Pads.Stores.Mlflow.Sql;

namespace Padre.Pads.Configuration;

/// <summary>Builds the built-in store a tracking URI names.</summary>
internal static class DefaultStoreFactory
{
    public static ITrackingStore Create(TrackingUri uri, TrackingOptions options) => uri.Kind switch
    {
        // MLflow's client puts a local SQL store's artifacts under ./mlruns of the working directory
        // (DEFAULT_LOCAL_FILE_AND_ARTIFACT_PATH), wherever the database file is.
        TrackingStoreKind.Sqlite => new SqliteTrackingStore(uri.Location, Path.Combine(Environment.CurrentDirectory, "mlruns")),
        TrackingStoreKind.FileStore => new FileTrackingStore(uri.Location),
        TrackingStoreKind.Server => new RestTrackingStore(new RestStoreOptions
        {
            BaseUri = new Uri(uri.Location),
            Token = options.Token,
            Username = options.Username,
            Password = options.Password,
            InsecureTls = options.InsecureTls,
            MaxRetries = options.HttpMaxRetries,
            BackoffFactor = options.HttpBackoffFactor,
            BackoffJitter = options.HttpBackoffJitter,
            RequestTimeout = options.HttpTimeout,
        }),
        _ => throw new NotSupportedException($"The tracking URI {uri} names a store kind this build does not know."),
    };
}
