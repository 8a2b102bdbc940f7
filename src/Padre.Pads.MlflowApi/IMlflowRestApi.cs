using Refit;

namespace Padre.Pads.Stores.Mlflow.Rest;

/// <summary>
/// MLflow's tracking REST API as the official python client calls it: GET arguments in the query string,
/// POST bodies as JSON. Errors never reach Refit: Padre.Pads' <c>MlflowErrorTranslation</c> turns them into
/// <c>TrackingStoreException</c> first.
/// Bodies are buffered (sent with Content-Length): MLflow 3's uvicorn/WSGI server reads a chunked body as empty
/// and answers "Missing value for required parameter", so every unbuffered POST was refused by a real server.
/// </summary>
internal interface IMlflowRestApi
{
    [Get("/api/2.0/mlflow/experiments/get")]
    Task<GetExperimentResponse> GetExperiment([AliasAs("experiment_id")] string experimentId, CancellationToken cancellationToken);

    [Get("/api/2.0/mlflow/experiments/get-by-name")]
    Task<GetExperimentResponse> GetExperimentByName([AliasAs("experiment_name")] string experimentName, CancellationToken cancellationToken);

    [Post("/api/2.0/mlflow/experiments/create")]
    Task<CreateExperimentResponse> CreateExperiment([Body(buffered: true)] CreateExperimentRequest request, CancellationToken cancellationToken);

    [Post("/api/2.0/mlflow/experiments/search")]
    Task<SearchExperimentsResponse> SearchExperiments([Body(buffered: true)] SearchExperimentsRequest request, CancellationToken cancellationToken);

    [Post("/api/2.0/mlflow/runs/create")]
    Task<RunResponse> CreateRun([Body(buffered: true)] CreateRunRequest request, CancellationToken cancellationToken);

    [Post("/api/2.0/mlflow/runs/update")]
    Task<UpdateRunResponse> UpdateRun([Body(buffered: true)] UpdateRunRequest request, CancellationToken cancellationToken);

    [Get("/api/2.0/mlflow/runs/get")]
    Task<RunResponse> GetRun([AliasAs("run_uuid")] string runUuid, [AliasAs("run_id")] string runId, CancellationToken cancellationToken);

    [Post("/api/2.0/mlflow/runs/search")]
    Task<SearchRunsResponse> SearchRuns([Body(buffered: true)] SearchRunsRequest request, CancellationToken cancellationToken);

    [Post("/api/2.0/mlflow/runs/delete")]
    Task DeleteRun([Body(buffered: true)] RunIdRequest request, CancellationToken cancellationToken);

    [Post("/api/2.0/mlflow/runs/restore")]
    Task RestoreRun([Body(buffered: true)] RunIdRequest request, CancellationToken cancellationToken);

    [Post("/api/2.0/mlflow/runs/log-batch")]
    Task LogBatch([Body(buffered: true)] LogBatchRequest request, CancellationToken cancellationToken);

    [Post("/api/2.0/mlflow/runs/log-inputs")]
    Task LogInputs([Body(buffered: true)] LogInputsRequest request, CancellationToken cancellationToken);

    [Get("/api/2.0/mlflow/metrics/get-history")]
    Task<MetricHistoryResponse> GetMetricHistory(
        [AliasAs("run_uuid")] string runUuid,
        [AliasAs("metric_key")] string metricKey,
        [AliasAs("run_id")] string runId,
        [AliasAs("max_results")] int maxResults,
        [AliasAs("page_token")] string? pageToken,
        CancellationToken cancellationToken);

    [Put("/api/2.0/mlflow-artifacts/artifacts/{**path}")]
    Task UploadArtifact(string path, [Body(buffered: true)] HttpContent content, CancellationToken cancellationToken);

    [Get("/api/2.0/mlflow-artifacts/artifacts/{**path}")]
    Task<Stream> DownloadArtifact(string path, CancellationToken cancellationToken);

    [Get("/api/2.0/mlflow-artifacts/artifacts")]
    Task<ListArtifactsResponse> ListArtifacts([AliasAs("path")] string path, CancellationToken cancellationToken);
}
