using System.Net;
using System.Text;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Rest;

namespace Padre.Pads.Tests.Stores.Rest;

public sealed class RestStoreCredentialTests
{
    private const string Token = "tok-9f8e7d6c5b4a";
    private const string Password = "pw-1a2b3c4d5e";

    [Fact]
    public async Task Bearer_token_is_sent_in_the_Authorization_header()
    {
        var handler = new RecordingHandler(_ => RestStoreRequestContractTests.Json("{}"));
        await using (var store = new RestTrackingStore(new RestStoreOptions { BaseUri = RestStoreFactory.Server, Token = Token, Handler = handler }))
        {
            await store.SearchRunsAsync(["1"]);
        }

        Assert.Equal($"Bearer {Token}", handler.Requests.Single().Authorization);
    }

    [Fact]
    public async Task User_and_password_from_the_uri_are_sent_as_Basic_and_removed_from_the_tracking_uri()
    {
        var handler = new RecordingHandler(_ => RestStoreRequestContractTests.Json("{}"));
        var store = new RestTrackingStore(new RestStoreOptions { BaseUri = new Uri($"http://alice:{Password}@127.0.0.1:5131"), Handler = handler });
        await using (store)
        {
            await store.SearchRunsAsync(["1"]);
        }

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"alice:{Password}")), handler.Requests.Single().Authorization);
        Assert.Equal("http://127.0.0.1:5131", store.TrackingUri);
    }

    [Fact]
    public async Task Credentials_never_appear_in_exception_messages_or_ToString()
    {
        var answers = new Queue<Func<HttpResponseMessage>>([
            () => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("<html>401</html>", Encoding.UTF8, "text/html") },
            () => new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("""{"error_code":"INVALID_PARAMETER_VALUE","message":"bad"}""", Encoding.UTF8, "application/json") },
            () => throw new HttpRequestException("Connection refused (127.0.0.1:5131)"),
            () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("not json", Encoding.UTF8, "application/json") },
        ]);
        var handler = new RecordingHandler(_ => answers.Dequeue()());
        var options = new RestStoreOptions { BaseUri = new Uri($"http://alice:{Password}@127.0.0.1:5131"), Token = Token, Username = "alice", Password = Password, Handler = handler, MaxRetries = 0 };
        var texts = new List<string> { options.ToString() };
        await using (var store = new RestTrackingStore(options))
        {
            texts.Add(store.ToString()!);
            texts.Add(store.TrackingUri);
            for (var i = 0; i < 4; i++)
            {
                var error = await Assert.ThrowsAsync<TrackingStoreException>(() => store.SearchExperimentsAsync());
                texts.Add(error.ToString());
            }
        }

        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        });
        Assert.Contains("HTTP 401", texts[3], StringComparison.Ordinal);
    }
}
