using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Padre.Pads.Stores.Mlflow.Rest;

/// <summary>
/// MLflow's client retry rules (urllib3 <c>Retry</c> as configured in <c>mlflow/utils/request_utils.py</c>) as a
/// Polly pipeline: retry 408, 429, 500, 502, 503, 504, connection failures and per-attempt timeouts, any method;
/// no delay before the first retry, then <c>factor · 2^(n-1)</c> s plus up to <c>jitter</c> s, capped;
/// <c>Retry-After</c> honoured (capped the same way, so tracking never waits unboundedly).
/// </summary>
internal static class MlflowRetryPipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(RestStoreOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Delay(options, args.AttemptNumber, args.Outcome.Result)),
            });
        }

        return builder.AddTimeout(options.RequestTimeout).Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken cancellation) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Exception: TimeoutRejectedException } => true,
        // A read that fails mid-way surfaces as an IOException; a caller's cancellation is not a failure.
        { Exception: IOException } => !cancellation.IsCancellationRequested,
        { Result: { } response } => MlflowErrorTranslation.TransientStatuses.Contains((int)response.StatusCode),
        _ => false,
    };

    /// <summary>The wait before retry number <paramref name="attempt"/> + 1 (0-based, as Polly counts).</summary>
    internal static TimeSpan Delay(RestStoreOptions options, int attempt, HttpResponseMessage? response)
    {
        if (response?.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.Zero);
            return Clamp(wait, options.MaxBackoff);
        }

        if (attempt == 0)
        {
            return TimeSpan.Zero;
        }

        var seconds = options.BackoffFactor * Math.Pow(2, attempt);
        if (options.BackoffJitter > 0)
        {
            seconds += Random.Shared.NextDouble() * options.BackoffJitter;
        }

        return Clamp(TimeSpan.FromSeconds(seconds), options.MaxBackoff);
    }

    private static TimeSpan Clamp(TimeSpan wait, TimeSpan max) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
}
