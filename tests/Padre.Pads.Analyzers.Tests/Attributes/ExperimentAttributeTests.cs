using Microsoft.CodeAnalysis;
using Padre.Pads.Analyzers.Attributes;
using Padre.Pads.Analyzers.CodeFixes;
using Padre.Pads.Analyzers.Tests.Support;

namespace Padre.Pads.Analyzers.Tests.Attributes;

public sealed class ExperimentAttributeTests
{
    [Fact]
    public async Task An_ordinary_experiment_method_is_not_reported()
    {
        const string source = """
            public static class Training
            {
                [PadreExperiment("Iris SDCA", Project = "Examples")]
                public static double Train(MLContext ml, int epochs) => epochs;

                [PadreExperiment(null)]
                public static async Task<double> TrainAsync() { await Task.Yield(); return 1; }
            }
            """;

        Assert.Empty(await Analyze(source));
    }

    [Fact]
    public async Task An_abstract_experiment_is_an_error_that_says_where_to_put_the_attribute()
    {
        const string source = """
            public abstract class Trainer
            {
                [PadreExperiment("x")]
                public abstract void Train();
            }
            """;

        var diagnostic = Assert.Single(await Analyze(source));

        Assert.Equal("PADRE024", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            "[PadreExperiment] cannot be used on the abstract method 'Train': it has no body, and a call that runs an override does not see the attribute; put it on the overriding or implementing method and call that directly",
            diagnostic.GetMessage());
        Assert.Equal("PadreExperiment(\"x\")", Analysis.Span(diagnostic));
    }

    [Theory]
    [InlineData("public interface ITrainer { [PadreExperiment(\"x\")] void Train(); }", "the abstract method 'Train'")]
    [InlineData("public static class T { [PadreExperiment(\"x\")] public static extern void Train(); }", "the extern method 'Train'")]
    [InlineData("public static class T { [PadreExperiment(\"x\")] public static void Train(ref int epochs) { } }", "parameter 'epochs' is passed by ref")]
    [InlineData("public static class T { [PadreExperiment(\"x\")] public static void Train(out double loss) { loss = 0; } }", "parameter 'loss' is passed by out")]
    [InlineData("public sealed class T { [PadreExperiment(\"x\")] public T() { } }", "the constructor 'T'")]
    [InlineData("public sealed class T { public int P { [PadreExperiment(\"x\")] get => 1; } }", "the accessor 'get_P'")]
    [InlineData("public static class T { public static void M() { [PadreExperiment(\"x\")] void Train() { } Train(); } }", "the local function 'Train'")]
    [InlineData("public static class T { public static void M() { Action a = [PadreExperiment(\"x\")] () => { }; a(); } }", "the lambda in 'M': a lambda runs through a delegate")]
    public async Task Experiments_on_methods_that_cannot_be_intercepted_say_which_kind(string source, string expected)
    {
        var diagnostic = Assert.Single(await Analyze(source, "CS0626"));

        Assert.Equal("PADRE024", diagnostic.Id);
        Assert.Contains(expected, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    public async Task An_empty_experiment_name_is_an_error(string name)
    {
        var diagnostic = Assert.Single(await Analyze($"public static class T {{ [PadreExperiment({name})] public static void Train() {{ }} }}"));

        Assert.Equal("PADRE026", diagnostic.Id);
        Assert.Equal(
            "The name of [PadreExperiment] on 'Train' is empty; give the run a name, e.g. [PadreExperiment(\"Iris SDCA\")]",
            diagnostic.GetMessage());
    }

    [Fact]
    public async Task An_empty_project_is_an_error()
    {
        var diagnostic = Assert.Single(await Analyze("public static class T { [PadreExperiment(\"x\", Project = \"\")] public static void Train() { } }"));

        Assert.Equal("PADRE026", diagnostic.Id);
        Assert.StartsWith("The Project of [PadreExperiment] on 'Train' is empty; name the MLflow experiment", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_longer_than_MLflow_accepts_is_an_error()
    {
        var project = new string('p', 501);

        var diagnostic = Assert.Single(await Analyze($"public static class T {{ [PadreExperiment(\"x\", Project = \"{project}\")] public static void Train() {{ }} }}"));

        Assert.Equal(
            "The Project of [PadreExperiment] on 'Train' is 501 characters long; MLflow rejects experiment names longer than 500 characters, so shorten it",
            diagnostic.GetMessage());
    }

    [Fact]
    public async Task A_project_of_500_characters_is_accepted()
    {
        var project = new string('p', 500);

        Assert.Empty(await Analyze($"public static class T {{ [PadreExperiment(\"x\", Project = \"{project}\")] public static void Train() {{ }} }}"));
    }

    [Fact]
    public async Task Experiment_and_Track_on_one_method_is_reported_with_the_hooks()
    {
        var diagnostic = Assert.Single(await Analyze("public static class T { [PadreExperiment(\"x\"), Track(Hook.Fit)] public static void Train() { } }"));

        Assert.Equal("PADRE030", diagnostic.Id);
        Assert.Contains("[Track] would record the whole experiment as one Fit event inside it", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_async_void_experiment_is_reported_at_its_name()
    {
        var diagnostic = Assert.Single(await Analyze("public static class T { [PadreExperiment(\"x\")] public static async void Train() { await Task.Yield(); } }"));

        Assert.Equal("PADRE031", diagnostic.Id);
        Assert.Equal(
            "Experiment method 'Train' is async void: its run ends at the first await, before the work is done, and a later exception is not recorded as a failed run; return Task and await the call",
            diagnostic.GetMessage());
        Assert.Equal("Train", Analysis.Span(diagnostic));
    }

    [Fact]
    public async Task The_async_void_fix_returns_Task()
    {
        const string before = """
            public static class T
            {
                [PadreExperiment("x")]
                public static async void Train() { await Task.Yield(); }
            }
            """;
        const string after = """
            public static class T
            {
                [PadreExperiment("x")]
                public static async Task Train() { await Task.Yield(); }
            }
            """;

        Assert.Equal(after, await CodeFixRunner.ApplyAsync(new AttributeUsageAnalyzer(), new AsyncVoidExperimentCodeFix(), before));
    }

    [Fact]
    public async Task The_async_void_fix_qualifies_Task_when_no_using_names_it()
    {
        const string before = "public static class T { [Padre.Pads.PadreExperiment(\"x\")] public static async void Train() { await System.Threading.Tasks.Task.Yield(); } }";
        const string after = "public static class T { [Padre.Pads.PadreExperiment(\"x\")] public static async System.Threading.Tasks.Task Train() { await System.Threading.Tasks.Task.Yield(); } }";

        var fixedSource = await CodeFixRunner.ApplyAsync(
            new AttributeUsageAnalyzer(), new AsyncVoidExperimentCodeFix(), before, new ProjectShape { GlobalUsings = false });

        Assert.Equal(after, fixedSource);
    }

    [Fact]
    public async Task An_iterator_experiment_is_reported()
    {
        var diagnostic = Assert.Single(await Analyze("public static class T { [PadreExperiment(\"x\")] public static IEnumerable<int> Train() { yield return 1; } }"));

        Assert.Equal("PADRE032", diagnostic.Id);
        Assert.StartsWith("Experiment method 'Train' is an iterator: its body runs only when the result is enumerated", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Yield_inside_a_local_function_does_not_make_the_experiment_an_iterator()
    {
        const string source = """
            public static class T
            {
                [PadreExperiment("x")]
                public static List<int> Train()
                {
                    IEnumerable<int> Numbers() { yield return 1; }
                    return new List<int>(Numbers());
                }
            }
            """;

        Assert.Empty(await Analyze(source));
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Analyze(string source, params string[] allowedErrors) =>
        Analysis.AnalyzeAsync(new AttributeUsageAnalyzer(), source, ProjectShape.Library, allowedErrors);
}
