using System.Text.Json;
using Padre.Pads.Configuration;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Sql;
using Padre.Pads.Tests.Support;
using Padre.Pads.Tracking;

namespace Padre.Pads.Tests.Tracking;

/// <summary>The whole path into the real SQLite store: Tracker session → queue → spool → SqliteTrackingStore, read back.</summary>
public sealed class EndToEndSqliteTests
{
    private sealed class Scope : IAsyncDisposable
    {
        public Scope()
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("padre-e2e-").FullName;
            DatabasePath = Path.Combine(Directory, "mlflow.db");
            ArtifactRoot = Path.Combine(Directory, "mlruns");
            var options = new TrackingOptions
            {
                TrackingUri = TrackingUri.Parse("sqlite:///mlflow.db", Directory),
                StoreFactory = (uri, _) => new SqliteTrackingStore(uri.Location, ArtifactRoot),
                FlushInterval = TimeSpan.FromMilliseconds(20),
                FlushTimeout = TimeSpan.FromSeconds(30),
            };
            Session = new TrackingSession(options);
        }

        public string Directory { get; }

        public string DatabasePath { get; }

        public string ArtifactRoot { get; }

        public TrackingSession Session { get; }

        public ValueTask DisposeAsync() => Session.DisposeAsync();
    }

    private static async Task<(string Parent, string Child)> TrackSampleAsync(Scope scope)
    {
        string parentId, childId;
        using (var parent = scope.Session.StartRun("e2e-parent", "e2e", new Dictionary<string, string> { ["team"] = "ml" }))
        {
            parentId = parent.Id;
            parent.LogParam("lr", "0.01");
            for (var i = 0; i < 1_200; i++)
            {
                parent.LogMetric("loss", 1.0 / (i + 1), i);
            }

            parent.LogMetric("nan", double.NaN);
            parent.LogInput(DatasetInput.WithContext(new Dataset("iris", "0123456789abcdef", "local", "{\"uri\": \"file:///iris.csv\"}"), "training"));
            parent.LogText("hello", "notes/readme.txt");
            using var child = scope.Session.StartRun("e2e-child", null, null);
            childId = child.Id;
            child.LogParam("fold", "1");
        }

        Assert.True(await scope.Session.FlushAsync(TimeSpan.FromSeconds(60)));
        return (parentId, childId);
    }

    [Fact]
    public async Task Tracked_run_reads_back_from_the_sqlite_store()
    {
        await using var scope = new Scope();
        var (parentId, childId) = await TrackSampleAsync(scope);
        await using var store = new SqliteTrackingStore(scope.DatabasePath, scope.ArtifactRoot);

        var parent = (await store.GetRunAsync(parentId))!;
        Assert.Equal(RunStatus.Finished, parent.Info.Status);
        Assert.Equal("e2e-parent", parent.Info.RunName);
        Assert.Contains(new Param("lr", "0.01"), parent.Params);
        Assert.Contains(parent.Tags, t => t is { Key: "team", Value: "ml" });
        Assert.Contains(parent.Tags, t => t is { Key: "mlflow.source.type", Value: "LOCAL" });
        Assert.Equal(1_200, (await store.GetMetricHistoryAsync(parentId, "loss")).Count);
        Assert.True(double.IsNaN(Assert.Single(await store.GetMetricHistoryAsync(parentId, "nan")).Value));
        Assert.Equal("iris", Assert.Single(parent.Inputs).Dataset.Name);
        await using (var text = await store.OpenArtifactAsync(parentId, "notes/readme.txt"))
        {
            Assert.Equal("hello", await new StreamReader(text).ReadToEndAsync());
        }

        var child = (await store.GetRunAsync(childId))!;
        Assert.Contains(child.Tags, t => t.Key == "mlflow.parentRunId" && t.Value == parentId);
        Assert.Equal(parent.Info.ExperimentId, child.Info.ExperimentId);
        Assert.Equal("e2e", (await store.GetExperimentAsync(parent.Info.ExperimentId))!.Name);
    }

    [MlflowFact]
    public async Task Mlflow_python_client_sees_the_tracked_runs()
    {
        await using var scope = new Scope();
        var (parentId, childId) = await TrackSampleAsync(scope);
        var output = MlflowBundle.RunPython(
            $$"""
            import json, mlflow
            from mlflow.tracking import MlflowClient
            c = MlflowClient()
            p = c.get_run("{{parentId}}")
            ch = c.get_run("{{childId}}")
            print(json.dumps({
                "status": p.info.status, "name": p.info.run_name, "lr": p.data.params.get("lr"),
                "loss_points": len(c.get_metric_history(p.info.run_id, "loss")),
                "parent_of_child": ch.data.tags.get("mlflow.parentRunId"),
                "experiment": c.get_experiment(p.info.experiment_id).name,
                "artifacts": [a.path for a in c.list_artifacts(p.info.run_id, "notes")],
            }))
            """,
            new Dictionary<string, string> { ["MLFLOW_TRACKING_URI"] = "sqlite:///mlflow.db" },
            scope.Directory);
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        Assert.Equal("FINISHED", root.GetProperty("status").GetString());
        Assert.Equal("e2e-parent", root.GetProperty("name").GetString());
        Assert.Equal("0.01", root.GetProperty("lr").GetString());
        Assert.Equal(1_200, root.GetProperty("loss_points").GetInt32());
        Assert.Equal(parentId, root.GetProperty("parent_of_child").GetString());
        Assert.Equal("e2e", root.GetProperty("experiment").GetString());
        Assert.Equal("notes/readme.txt", root.GetProperty("artifacts")[0].GetString());
    }
}
