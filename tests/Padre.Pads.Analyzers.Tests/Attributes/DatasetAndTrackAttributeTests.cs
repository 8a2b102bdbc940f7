using Microsoft.CodeAnalysis;
using Padre.Pads.Analyzers.Attributes;
using Padre.Pads.Analyzers.Tests.Support;

namespace Padre.Pads.Analyzers.Tests.Attributes;

public sealed class DatasetAndTrackAttributeTests
{
    [Theory]
    [InlineData("public static IDataView Iris(MLContext ml) => ml.Data.LoadFromEnumerable(new List<Row>());")]
    [InlineData("public static async Task<IDataView> Iris(MLContext ml) { await Task.Yield(); return ml.Data.LoadFromEnumerable(new List<Row>()); }")]
    [InlineData("public static List<Row> Iris(MLContext ml) => new();")]
    public async Task A_dataset_method_that_returns_data_is_not_reported(string method)
    {
        Assert.Empty(await Analyze(Dataset("[PadreDataset(\"iris\", Target = \"Label\")]", method)));
    }

    [Theory]
    [InlineData("public static void Iris(MLContext ml) { }", "returns void")]
    [InlineData("public static async Task Iris(MLContext ml) { await Task.Yield(); }", "returns a Task with no result")]
    [InlineData("public static ValueTask Iris(MLContext ml) => default;", "returns a ValueTask with no result")]
    public async Task A_dataset_method_that_returns_no_data_is_reported(string method, string expected)
    {
        var diagnostic = Assert.Single(await Analyze(Dataset("[PadreDataset(\"iris\")]", method)));

        Assert.Equal("PADRE027", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            $"[PadreDataset] method 'Iris' {expected}, so there is no dataset to record; return the data (e.g. IDataView) or move the attribute to the method that loads it",
            diagnostic.GetMessage());
    }

    [Fact]
    public async Task An_empty_dataset_name_and_target_are_errors()
    {
        var diagnostics = await Analyze(Dataset("[PadreDataset(\" \", Target = \"\")]", "public static List<Row> Iris() => new();"));

        Assert.Collection(
            diagnostics,
            d => Assert.Equal("The name of [PadreDataset] on 'Iris' is empty; name the dataset, e.g. [PadreDataset(\"iris\")]", d.GetMessage()),
            d => Assert.Equal("The Target of [PadreDataset] on 'Iris' is empty; name the label column, e.g. Target = \"Label\", or remove Target", d.GetMessage()));
    }

    [Theory]
    [InlineData("[Track]")]
    [InlineData("[Track(null)]")]
    [InlineData("[Track(new Hook[0])]")]
    public async Task Track_without_hooks_is_reported(string attribute)
    {
        var diagnostic = Assert.Single(await Analyze(Tracked(attribute)));

        Assert.Equal("PADRE028", diagnostic.Id);
        Assert.Equal("[Track] on 'Fit' names no hook, so nothing is recorded for its calls; name the hooks to fire, e.g. [Track(Hook.Fit)]", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[Track(Hook.Fit, Hook.Fit)]", "Fit")]
    [InlineData("[Track(Hook.Fit | Hook.Log, Hook.Log)]", "Log")]
    public async Task Track_naming_a_hook_twice_is_reported(string attribute, string hook)
    {
        var diagnostic = Assert.Single(await Analyze(Tracked(attribute)));

        Assert.Equal("PADRE029", diagnostic.Id);
        Assert.Equal($"[Track] on 'Fit' names Hook.{hook} more than once; remove the duplicate", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[Track(Hook.Fit)]")]
    [InlineData("[Track(Hook.Fit, Hook.Log)]")]
    [InlineData("[Track(Hook.Fit | Hook.Metric)]")]
    public async Task Track_with_distinct_hooks_is_not_reported(string attribute)
    {
        Assert.Empty(await Analyze(Tracked(attribute)));
    }

    private static string Dataset(string attribute, string method) => $$"""
        public sealed class Row { public float Label { get; set; } }

        public static class Data
        {
            {{attribute}}
            {{method}}
        }
        """;

    private static string Tracked(string attribute) => $$"""
        public static class Model
        {
            {{attribute}}
            public static double Fit(double[] x) => x.Length;
        }
        """;

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Analyze(string source) =>
        Analysis.AnalyzeAsync(new AttributeUsageAnalyzer(), source);
}
