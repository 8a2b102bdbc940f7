using Padre.Pads.Analyzers.Calls;
using Padre.Pads.Analyzers.CodeFixes;
using Padre.Pads.Analyzers.Tests.Support;

namespace Padre.Pads.Analyzers.Tests.Calls;

public sealed class UnseededContextAnalyzerTests
{
    private static string InExperiment(string body) => $$"""
        public static class Training
        {
            [PadreExperiment("Iris")]
            public static void Train()
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task An_unseeded_MLContext_in_an_experiment_is_reported_with_the_fix_in_the_message()
    {
        var diagnostic = Assert.Single(await Analyze(InExperiment("var ml = new MLContext();")));

        Assert.Equal("PADRE023", diagnostic.Id);
        Assert.Equal(
            "This MLContext has no seed, so every run shuffles, splits and initialises differently and recorded runs cannot be reproduced or compared; pass a seed, e.g. new MLContext(seed: 1)",
            diagnostic.GetMessage());
        Assert.Equal("new MLContext()", Analysis.Span(diagnostic));
    }

    [Theory]
    [InlineData("var ml = new MLContext(seed: 0);")]
    [InlineData("var ml = new MLContext(7);")]
    [InlineData("int? seed = 3; var ml = new MLContext(seed);")]
    public async Task A_seeded_MLContext_is_not_reported(string body)
    {
        Assert.Empty(await Analyze(InExperiment(body)));
    }

    [Theory]
    [InlineData("var ml = new MLContext(seed: null);")]
    [InlineData("var ml = new MLContext(default);")]
    [InlineData("MLContext ml = new();")]
    [InlineData("Func<MLContext> make = () => new MLContext(); var ml = make();")]
    [InlineData("MLContext Make() => new MLContext(); var ml = Make();")]
    public async Task Null_seeds_target_typed_new_and_nested_code_in_an_experiment_are_reported(string body)
    {
        Assert.Single(await Analyze(InExperiment(body)));
    }

    [Fact]
    public async Task Top_level_statements_of_a_project_with_Padre_Pads_are_a_tracked_run()
    {
        Assert.Single(await Analyze("var ml = new MLContext();\nConsole.WriteLine(ml);", ProjectShape.Console));
    }

    [Fact]
    public async Task Main_of_a_project_with_Padre_Pads_is_a_tracked_run()
    {
        const string source = "public static class Program { public static void Main() { var ml = new MLContext(); } }";

        Assert.Single(await Analyze(source, ProjectShape.Console));
    }

    [Fact]
    public async Task Top_level_statements_of_a_project_without_Padre_Pads_are_not_reported()
    {
        const string source = "using Microsoft.ML;\nvar ml = new MLContext();\nSystem.Console.WriteLine(ml);";

        Assert.Empty(await Analyze(source, ProjectShape.Console with { ReferencesRuntime = false, GeneratorRan = false }));
    }

    [Fact]
    public async Task An_ordinary_method_outside_any_run_is_not_reported()
    {
        Assert.Empty(await Analyze("public static class Factory { public static MLContext Create() => new MLContext(); }"));
    }

    [Theory]
    [InlineData("var ml = new MLContext();", "var ml = new MLContext(seed: 1);")]
    [InlineData("MLContext ml = new();", "MLContext ml = new(seed: 1);")]
    [InlineData("var ml = new MLContext(seed: null);", "var ml = new MLContext(seed: 1);")]
    [InlineData("var ml = new MLContext(null);", "var ml = new MLContext(seed: 1);")]
    [InlineData("var ml = new MLContext { FallbackToCpu = true };", "var ml = new MLContext(seed: 1) { FallbackToCpu = true };")]
    [InlineData("var ml = new MLContext() { GpuDeviceId = 0 };", "var ml = new MLContext(seed: 1) { GpuDeviceId = 0 };")]
    public async Task The_fix_adds_a_named_seed_and_keeps_the_rest(string before, string after)
    {
        var fixedSource = await CodeFixRunner.ApplyAsync(new UnseededContextAnalyzer(), new UnseededContextCodeFix(), InExperiment(before));

        Assert.Equal(InExperiment(after), fixedSource);
    }

    [Fact]
    public async Task The_fix_seeds_every_context_in_a_file()
    {
        var fixedSource = await CodeFixRunner.ApplyAsync(
            new UnseededContextAnalyzer(), new UnseededContextCodeFix(), InExperiment("var a = new MLContext(); var b = new MLContext();"));

        Assert.Equal(InExperiment("var a = new MLContext(seed: 1); var b = new MLContext(seed: 1);"), fixedSource);
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic>> Analyze(string source, ProjectShape? shape = null) =>
        Analysis.AnalyzeAsync(new UnseededContextAnalyzer(), source, shape);
}
