using System.Net;
using System.Net.Http.Headers;
using Padre.Pads.Stores.Mlflow.Rest;

namespace Padre.Pads.Tests.Stores.Rest;

public sealed class MlflowRetryPipelineTests
{
    private static readonly RestStoreOptions NoJitter = new() { BaseUri = RestStoreFactory.Server, BackoffJitter = 0 };

    [Fact]
    public void Backoff_follows_urllib3_with_factor_2_no_wait_first_then_4_8_16_32_64_capped_at_120_seconds()
    {
        var delays = Enumerable.Range(0, 7).Select(attempt => MlflowRetryPipeline.Delay(NoJitter, attempt, null).TotalSeconds);

        Assert.Equal([0, 4, 8, 16, 32, 64, 120], delays);
    }

    [Fact]
    public void Jitter_adds_at_most_its_value_in_seconds()
    {
        var options = new RestStoreOptions { BaseUri = RestStoreFactory.Server, BackoffJitter = 1 };

        var delays = Enumerable.Range(0, 200).Select(_ => MlflowRetryPipeline.Delay(options, 1, null).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, 4, 5));
        Assert.True(delays.Distinct().Count() > 1);
    }

    [Fact]
    public void Retry_After_seconds_replace_the_backoff()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Equal(TimeSpan.FromSeconds(7), MlflowRetryPipeline.Delay(NoJitter, 3, response));
    }

    [Fact]
    public void Retry_After_longer_than_the_cap_is_cut_to_the_cap()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1));

        Assert.Equal(NoJitter.MaxBackoff, MlflowRetryPipeline.Delay(NoJitter, 0, response));
    }

    [Fact]
    public void Defaults_are_MLflows_environment_defaults()
    {
        var options = new RestStoreOptions { BaseUri = RestStoreFactory.Server };

        Assert.Equal((7, 2.0, 1.0, TimeSpan.FromSeconds(120)), (options.MaxRetries, options.BackoffFactor, options.BackoffJitter, options.RequestTimeout));
    }
}
