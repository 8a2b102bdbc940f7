using Padre.Pads.Stores.Mlflow.Rest;

namespace Padre.Pads.Tests.Stores.Rest;

internal static class RestStoreFactory
{
    public static readonly Uri Server = new("http://127.0.0.1:5130");

    /// <summary>A store over an in-process handler, without backoff waits so retry tests stay fast.</summary>
    public static RestTrackingStore Over(HttpMessageHandler handler, int maxRetries = 3, TimeSpan? timeout = null) => new(new RestStoreOptions
    {
        BaseUri = Server,
        Handler = handler,
        MaxRetries = maxRetries,
        BackoffFactor = 0,
        BackoffJitter = 0,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
    });
}
