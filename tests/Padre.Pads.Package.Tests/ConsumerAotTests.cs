using System.Globalization;
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
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <PublishAot>true</PublishAot>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <!-- This machine's NuGet mirror lacks some exact lower bounds (next patch resolved); not a package problem. -->
            <NoWarn>$(NoWarn);NU1603</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Padre.Pads" Version="{0}" />
          </ItemGroup>
        </Project>
        """;

    private const string NuGetConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="padre-test-feed" value="{0}" />
            <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
          </packageSources>
        </configuration>
        """;

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
        var root = Directory.CreateTempSubdirectory("padre-package-aot-consumer-");
        var feed = Directory.CreateDirectory(Path.Combine(root.FullName, "feed")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(root.FullName, "app")).FullName;
        var output = Path.Combine(root.FullName, "out");
        var version = PackedPackage.CopyWithUniqueVersion(feed);
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(root.FullName, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(app, "NuGet.config"), string.Format(CultureInfo.InvariantCulture, NuGetConfig, feed));
            File.WriteAllText(Path.Combine(app, "Consumer.csproj"), string.Format(CultureInfo.InvariantCulture, Project, version));
            File.WriteAllText(Path.Combine(app, "Program.cs"), Program);

            string[] publish = ["publish", "-c", "Release", "-r", "linux-x64", "-o", output, .. NativeToolchain.PublishArguments()];
            var log = Dotnet.Run(app, TimeSpan.FromMinutes(15), publish);
            Assert.DoesNotMatch(@"IL\d{4}", log);

            var work = Directory.CreateDirectory(Path.Combine(root.FullName, "work")).FullName;
            Assert.Contains("score 0.5", Dotnet.Exec(Path.Combine(output, "Consumer"), work, TimeSpan.FromMinutes(1)), StringComparison.Ordinal);
            var store = new SqliteTrackingStore(Path.Combine(work, "mlflow.db"), Path.Combine(work, "mlruns"));
            var experiment = (await store.GetExperimentByNameAsync("AotConsumer"))!;
            var run = Assert.Single(await store.SearchRunsAsync([experiment.ExperimentId]));

            Assert.Equal(RunStatus.Finished, run.Info.Status);
            Assert.Equal("0.1", Assert.Single(run.Params, p => p.Key == "rate").Value);
            Assert.Equal(Path.Combine(output, "Consumer"), run.Tags.Single(t => t.Key == "mlflow.source.name").Value);
        }
        finally
        {
            root.Delete(recursive: true);
            ConsumerProjectTests.ForgetRestoredCopy(version);
        }
    }
}
