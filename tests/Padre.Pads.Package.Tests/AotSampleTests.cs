using Padre.Pads.Package.Tests.Support;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Sql;

namespace Padre.Pads.Package.Tests;

/// <summary>
/// samples/AotTracking published with NativeAOT (every trimming and AOT warning expanded and an error, no NoWarn) still tracks: the
/// generated interceptors and the runtime work without run-time code generation. Slow: a NativeAOT publish.
/// </summary>
[Collection(NativeAotPublishes.Name)]
public sealed class AotSampleTests
{
    [Fact]
    public async Task NativeAot_sample_publishes_without_warnings_and_records_its_experiment_into_mlflow_db()
    {
        var root = Directory.CreateTempSubdirectory("padre-package-aot-");
        try
        {
            var output = Path.Combine(root.FullName, "out");
            var sample = Path.Combine(PackedPackage.RepositoryRoot, "samples", "AotTracking", "AotTracking.csproj");
            string[] publish = ["publish", sample, "-c", "Release", "-r", "linux-x64", "-o", output, .. NativeToolchain.PublishArguments()];
            var log = Dotnet.Run(root.FullName, TimeSpan.FromMinutes(15), publish);
            Assert.DoesNotMatch(@"IL\d{4}", log); // neither warnings nor (warnings as) errors, and no collapsed IL2104

            var work = Directory.CreateDirectory(Path.Combine(root.FullName, "work")).FullName;
            var printed = Dotnet.Exec(Path.Combine(output, "AotTracking"), work, TimeSpan.FromMinutes(1));
            Assert.Contains("final loss", printed, StringComparison.Ordinal);

            var store = new SqliteTrackingStore(Path.Combine(work, "mlflow.db"), Path.Combine(work, "mlruns"));
            var experiment = await store.GetExperimentByNameAsync("AotTracking");
            Assert.NotNull(experiment);
            var run = Assert.Single(await store.SearchRunsAsync([experiment.ExperimentId]));
            var parameters = run.Params.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

            Assert.Equal("aot-linear-fit", run.Info.RunName);
            Assert.Equal(RunStatus.Finished, run.Info.Status);
            Assert.Equal("0.05", parameters["learningRate"]);
            Assert.Equal("40", parameters["epochs"]);
            Assert.Equal("linear", parameters["model"]);
            Assert.Equal(40, (await store.GetMetricHistoryAsync(run.Info.RunId, "train_loss")).Count);
            // No dll under NativeAOT: the run names the executable the user ran.
            Assert.Equal(Path.Combine(output, "AotTracking"), run.Tags.Single(t => t.Key == "mlflow.source.name").Value);
            Assert.Contains(new RunTag("mlflow.experimentKind", "custom_model_development"), experiment.Tags);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
