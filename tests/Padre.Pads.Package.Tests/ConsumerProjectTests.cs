using Padre.Pads.Package.Tests.Support;
using Padre.Pads.Stores;
using Padre.Pads.Stores.Mlflow.Sql;

namespace Padre.Pads.Package.Tests;

/// <summary>
/// A fresh console project that only references the Padre.Pads package (no tracking code, no csproj wiring)
/// builds with warnings as errors and records its ML.NET run into mlflow.db. Slow: pack + restore + build + run.
/// </summary>
public sealed class ConsumerProjectTests
{
    // What a user writes: ML.NET only; nothing about tracking.
    private const string Program = """
        using Microsoft.ML;
        using Microsoft.ML.Data;

        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromTextFile<Flower>("flowers.csv", hasHeader: true, separatorChar: ',');
        var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 1);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(Flower.Length), nameof(Flower.Width))
            .Append(ml.Transforms.Conversion.MapValueToKey("Label"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(l2Regularization: 0.01f, maximumNumberOfIterations: 10));
        var model = pipeline.Fit(split.TrainSet);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
        Console.WriteLine($"MacroAccuracy {metrics.MacroAccuracy:F3}");

        public sealed class Flower
        {
            [LoadColumn(0)] public float Length { get; set; }
            [LoadColumn(1)] public float Width { get; set; }
            [LoadColumn(2)] public string Label { get; set; } = "";
        }
        """;

    [Fact]
    public async Task Packed_package_tracks_an_untouched_MLNet_program_into_mlflow_db()
    {
        using var consumer = new ConsumerProject("padre-package-consumer-", Program);
        var app = consumer.App;
        File.WriteAllLines(Path.Combine(app, "flowers.csv"), ["Length,Width,Label", .. Enumerable.Range(0, 60).Select(i => $"{i % 10},{(i * 7) % 11},c{i % 3}")]);

        Dotnet.Run(app, TimeSpan.FromMinutes(4), "build", "-c", "Release", "-v", "q");
        var output = Dotnet.Run(app, TimeSpan.FromMinutes(2), Path.Combine(app, "bin", "Release", "net10.0", "Consumer.dll"));
        Assert.Contains("MacroAccuracy", output, StringComparison.Ordinal);

        var database = Path.Combine(app, "mlflow.db");
        Assert.True(File.Exists(database), $"The program wrote no mlflow.db (nothing was tracked). Its output:\n{output}");
        var store = new SqliteTrackingStore(database, Path.Combine(app, "mlruns"));
        var run = Assert.Single(await store.SearchRunsAsync(["0"]));
        var parameters = run.Params.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.Equal("0.01", parameters["SdcaMaximumEntropy.l2Regularization"]);
        Assert.Equal("Label", parameters["SdcaMaximumEntropy.labelColumnName"]);
        Assert.Contains(run.LatestMetrics, m => m.Key == "MacroAccuracy" && m.Value is >= 0 and <= 1);
        var flowers = Assert.Single(run.Inputs, i => i.Dataset.Name == "flowers").Dataset;
        Assert.Equal("local", flowers.SourceType);
        Assert.Contains("flowers.csv", flowers.Source, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(flowers.Digest));
        Assert.Contains("\"name\":\"Length\"", flowers.Schema, StringComparison.Ordinal);
        Assert.Contains("\"num_rows\":60", flowers.Profile, StringComparison.Ordinal);

        // The run left ./mlruns with its source snapshot (Program.cs) in the project folder: building again must
        // not compile those copies (duplicate top-level statements and types).
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(app, "mlruns"), "Program.cs", SearchOption.AllDirectories));
        Dotnet.Run(app, TimeSpan.FromMinutes(4), "build", "-c", "Release", "-v", "q");
    }
}
