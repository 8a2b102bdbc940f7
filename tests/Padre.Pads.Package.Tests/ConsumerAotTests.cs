using Padre.Pads.Package.Tests.Support;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Sql;

namespace Padre.Pads.Package.Tests;

/// <summary>
/// A user's NativeAOT program that only references the Padre.Pads package (no NoWarn, no targets, default trim
/// warning settings, warnings as errors) publishes without a single IL warning and tracks. Slow: pack + NativeAOT publish.
/// </summary>
[Collection(NativeAotPublishes.Name)]
public sealed class ConsumerAotTests
{
    private const string Program = """
        using Padre.Pads;
        using Padre.Pads.Hooks;

        using (Tracker.StartRun("aot-consumer", "AotConsumer"))
        {
            Tracker.LogParam("rate", "0.1");
            Console.WriteLine($"score {Scoring.Score(4):F1}");
        }

        return Tracker.Flush(TimeSpan.FromSeconds(30)) ? 0 : 1;

        internal static class Scoring
        {
            [Track(Hook.Metric)]
            public static double Score(int n) => n / 8.0;
        }
        """;

    [Fact]
    public async Task NativeAot_publish_of_a_package_consumer_has_no_IL_warnings_and_tracks()
    {
        using var consumer = new ConsumerProject("padre-package-aot-consumer-", Program, "<PublishAot>true</PublishAot>");
        var app = consumer.App;
        var output = consumer.Folder("out");
        string[] publish = ["publish", "-c", "Release", "-r", "linux-x64", "-o", output, .. NativeToolchain.PublishArguments()];
        var log = Dotnet.Run(app, TimeSpan.FromMinutes(15), publish);
        Assert.DoesNotMatch(@"IL\d{4}", log);

        var work = consumer.Folder("work");
        Assert.Contains("score 0.5", Dotnet.Exec(Path.Combine(output, "Consumer"), work, TimeSpan.FromMinutes(1)), StringComparison.Ordinal);
        var store = new SqliteTrackingStore(Path.Combine(work, "mlflow.db"), Path.Combine(work, "mlruns"));
        var experiment = (await store.GetExperimentByNameAsync("AotConsumer"))!;
        var run = Assert.Single(await store.SearchRunsAsync([experiment.ExperimentId]));

        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal("0.1", Assert.Single(run.Params, p => p.Key == "rate").Value);
        Assert.Equal(Path.Combine(output, "Consumer"), run.Tags.Single(t => t.Key == "mlflow.source.name").Value);
    }
}
