using Microsoft.CodeAnalysis;
using Padre.Pads.Analyzers.Attributes;
using Padre.Pads.Analyzers.Tests.Support;

namespace Padre.Pads.Analyzers.Tests.Attributes;

public sealed class UncalledExperimentAnalyzerTests
{
    private const string Experiment = """
        internal static class Training
        {
            [PadreExperiment("Iris")]
            internal static void Train() { }
        }
        """;

    [Fact]
    public async Task An_experiment_nobody_calls_is_reported_with_why_it_matters()
    {
        var diagnostic = Assert.Single(await Analyze("Console.WriteLine();\n" + Experiment, ProjectShape.Console));

        Assert.Equal("PADRE025", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            "Experiment method 'Train' is never called in this project, and a run is recorded only when code in this project calls it directly; call it (e.g. from Main or top-level statements) or remove [PadreExperiment]",
            diagnostic.GetMessage());
        Assert.Equal("Train", Analysis.Span(diagnostic));
    }

    [Fact]
    public async Task A_called_experiment_is_not_reported()
    {
        Assert.Empty(await Analyze("Training.Train();\n" + Experiment, ProjectShape.Console));
    }

    [Fact]
    public async Task An_experiment_used_only_as_a_method_group_is_reported()
    {
        Assert.Single(await Analyze("Action run = Training.Train;\nrun();\n" + Experiment, ProjectShape.Console));
    }

    [Fact]
    public async Task An_experiment_on_the_entry_point_is_not_reported()
    {
        const string source = "public static class Program { [PadreExperiment(\"Main\")] public static void Main() { } }";

        Assert.Empty(await Analyze(source, ProjectShape.Console));
    }

    [Fact]
    public async Task A_public_experiment_of_a_library_is_left_to_its_callers()
    {
        const string source = "public static class Training { [PadreExperiment(\"Iris\")] public static void Train() { } }";

        Assert.Empty(await Analyze(source, ProjectShape.Library));
    }

    [Fact]
    public async Task A_private_experiment_of_a_library_is_reported()
    {
        const string source = "public static class Training { [PadreExperiment(\"Iris\")] private static void Train() { } }";

        Assert.Single(await Analyze(source, ProjectShape.Library));
    }

    [Fact]
    public async Task An_override_is_not_reported()
    {
        const string source = """
            public abstract class Trainer { public abstract void Train(); }
            internal sealed class Sdca : Trainer { [PadreExperiment("x")] public override void Train() { } }
            """;

        Assert.Empty(await Analyze(source, ProjectShape.Library));
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Analyze(string source, ProjectShape shape) =>
        Analysis.AnalyzeAsync(new UncalledExperimentAnalyzer(), source, shape);
}
