using Padre.Pads.Configuration;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.FileStore;
using Padre.Pads.Stores.Mlflow.Rest;
using Padre.Pads.Stores.Mlflow.Sql;
using Padre.Pads.Tests.Support;
using Padre.Pads.Tracking;

namespace Padre.Pads.Tests.Tracking;

/// <summary>
/// Experiments Padre.Pads creates carry <c>mlflow.experimentKind=custom_model_development</c>, so MLflow 3's UI opens
/// them in the model-training layout (not GenAI); experiments that already exist keep their tags.
/// </summary>
[Collection(MlflowServerCollection.Name)]
public sealed class ExperimentKindTests(MlflowServerFixture fixture)
{
    private const string KindTag = "mlflow.experimentKind";
    private const string ModelTraining = "custom_model_development";

    private static async Task TrackOneRunAsync(Func<ITrackingStore> store, string experimentName)
    {
        var options = new TrackingOptions
        {
            SpoolDirectory = Directory.CreateTempSubdirectory("padre-kind-spool-").FullName,
            StoreFactory = (_, _) => store(),
            FlushInterval = TimeSpan.FromMilliseconds(20),
            FlushTimeout = TimeSpan.FromSeconds(30),
        };
        await using var session = new TrackingSession(options);
        using (var run = session.StartRun("kind-run", experimentName, null))
        {
            run.LogMetric("loss", 0.5);
        }

        Assert.True(await session.FlushAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task Sqlite_experiment_created_by_padre_is_tagged_as_model_training()
    {
        var directory = Directory.CreateTempSubdirectory("padre-kind-sqlite-").FullName;
        var database = Path.Combine(directory, "mlflow.db");
        var artifacts = Path.Combine(directory, "mlruns");

        await TrackOneRunAsync(() => new SqliteTrackingStore(database, artifacts), "kind-sqlite");

        await using var store = new SqliteTrackingStore(database, artifacts);
        var experiment = (await store.GetExperimentByNameAsync("kind-sqlite"))!;
        Assert.Equal(new RunTag(KindTag, ModelTraining), Assert.Single(experiment.Tags));
    }

    [Fact]
    public async Task File_store_experiment_created_by_padre_has_the_kind_in_its_tags_folder()
    {
        var root = Path.Combine(Directory.CreateTempSubdirectory("padre-kind-files-").FullName, "mlruns");

        await TrackOneRunAsync(() => new FileTrackingStore(root), "kind-files");

        var experiment = (await new FileTrackingStore(root).GetExperimentByNameAsync("kind-files"))!;
        Assert.Equal(ModelTraining, File.ReadAllText(Path.Combine(root, experiment.ExperimentId, "tags", KindTag)));
    }

    [Fact]
    public async Task Existing_experiment_keeps_its_tags()
    {
        var directory = Directory.CreateTempSubdirectory("padre-kind-existing-").FullName;
        var database = Path.Combine(directory, "mlflow.db");
        var artifacts = Path.Combine(directory, "mlruns");
        await using (var before = new SqliteTrackingStore(database, artifacts))
        {
            await before.CreateExperimentAsync("kind-existing", tags: [new RunTag("team", "ml")]);
        }

        await TrackOneRunAsync(() => new SqliteTrackingStore(database, artifacts), "kind-existing");

        await using var store = new SqliteTrackingStore(database, artifacts);
        var experiment = (await store.GetExperimentByNameAsync("kind-existing"))!;
        Assert.Equal(new RunTag("team", "ml"), Assert.Single(experiment.Tags));
        Assert.Single(await store.SearchRunsAsync([experiment.ExperimentId]));
    }

    [MlflowFact]
    public async Task Rest_experiment_created_by_padre_reads_back_as_model_training_with_the_python_client()
    {
        var server = fixture.Server;
        var name = $"kind-rest-{Guid.NewGuid():N}";

        await TrackOneRunAsync(() => new RestTrackingStore(new RestStoreOptions { BaseUri = server.TrackingUri }), name);

        var printed = server.RunPython($$"""
            from mlflow import MlflowClient
            print(MlflowClient().get_experiment_by_name("{{name}}").tags.get("{{KindTag}}"))
            """);
        Assert.Equal(ModelTraining, printed.Trim());
    }
}
