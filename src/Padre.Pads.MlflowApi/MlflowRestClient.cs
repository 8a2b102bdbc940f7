using Refit;

namespace Padre.Pads.Stores.Mlflow.Rest;

/// <summary>Creates the source-generated client of <see cref="IMlflowRestApi"/>.</summary>
/// <remarks>
/// The client must be created by code of this assembly: Refit registers the generated factory in this assembly's module
/// initializer, which the runtime runs before this assembly's first method, not when another assembly names the
/// interface; <see cref="RestService.ForGenerated{T}(HttpClient, RefitSettings)"/> called from elsewhere could come first.
/// </remarks>
internal static class MlflowRestClient
{
    /// <summary>
    /// The client over <paramref name="http"/>, with the source-generated JSON context (no reflection, trimming/AOT-safe)
    /// and buffered bodies: MLflow's server (uvicorn + WSGI) reads no chunked body, and a retry resends the same bytes.
    /// </summary>
    public static IMlflowRestApi Create(HttpClient http)
    {
        var settings = RefitSettings.ForJsonContext(MlflowJsonContext.Default);
        settings.Buffered = true;
        return RestService.ForGenerated<IMlflowRestApi>(http, settings);
    }
}
