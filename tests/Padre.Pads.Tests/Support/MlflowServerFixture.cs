namespace Padre.Pads.Tests.Support;

/// <summary>One real MLflow server shared by the tests of a collection (starting one costs ~10 s).</summary>
public sealed class MlflowServerFixture : IDisposable
{
    private readonly Lazy<MlflowServer> server = new(() => MlflowBundle.StartServer());

    /// <summary>The server, started on first use.</summary>
    public MlflowServer Server => server.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (server.IsValueCreated)
        {
            server.Value.Dispose();
        }
    }
}

/// <summary>Tests in this collection share one real MLflow server.</summary>
[CollectionDefinition(Name)]
public sealed class MlflowServerCollection : ICollectionFixture<MlflowServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "real MLflow server";
}
