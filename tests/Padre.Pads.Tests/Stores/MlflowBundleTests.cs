using Padre.Pads.Tests.Support;

namespace Padre.Pads.Tests.Stores;

[Collection(MlflowServerCollection.Name)]
public class MlflowBundleTests(MlflowServerFixture fixture)
{
    [MlflowFact]
    public void Real_server_answers_the_official_python_client()
    {
        var output = fixture.Server.RunPython("""
            import mlflow
            client = mlflow.MlflowClient()
            print(client.get_experiment("0").name)
            """);
        Assert.Equal("Default", output.Trim());
    }
}
