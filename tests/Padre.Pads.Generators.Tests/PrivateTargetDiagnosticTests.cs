using Microsoft.CodeAnalysis;
using Padre.Pads.Generators.Tests.Support;

namespace Padre.Pads.Generators.Tests;

/// <summary>What private targets still cannot do, per framework, and how the diagnostics say so.</summary>
public sealed class PrivateTargetDiagnosticTests
{
    private const string PrivateStatic = """
        public class Training
        {
            [Padre.Pads.PadreExperiment("x")]
            private static void Train() { }

            public static void Run() => Train();
        }
        """;

    private const string PrivateGeneric = """
        public class Training
        {
            [Padre.Pads.Track(Padre.Pads.Hooks.Hook.Log)]
            private static T Echo<T>(T value) => value;

            public static int Run() => Echo(1);
        }
        """;

    private const string PrivateInStaticClass = """
        public static class Training
        {
            [Padre.Pads.Track(Padre.Pads.Hooks.Hook.Log)]
            private static int Twice(int x) => 2 * x;

            public static int Run() => Twice(1);
        }
        """;

    private static IReadOnlyList<Diagnostic> Generate(IReadOnlyList<MetadataReference> references, string source) =>
        GeneratorHarness.Run(GeneratorHarness.Compile(references, ("/src/A.cs", source))).Run.Diagnostics;

    [Fact]
    public void Private_static_method_is_tracked_without_a_diagnostic_on_net8()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Frameworks.Net8, ("/src/A.cs", PrivateStatic)));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("UnsafeAccessorKind.StaticMethod, Name = \"Train\"", GeneratorHarness.Generated(run, "PadreTracking."));
    }

    [Fact]
    public void Private_targets_before_net8_say_they_need_net8_or_an_internal_method()
    {
        var diagnostics = Generate(Frameworks.NetStandard20, PrivateStatic);

        var declaration = Assert.Single(diagnostics, d => d.Id == "PADRE011");
        Assert.Contains("private targets need .NET 8 or later", declaration.GetMessage());
        Assert.Contains("make it internal", declaration.GetMessage());
        Assert.Contains(diagnostics, d => d.Id == "PADRE009" && d.GetMessage().Contains(".NET 8 or later"));
    }

    [Fact]
    public void Generic_private_target_on_net8_says_it_needs_net9()
    {
        var diagnostics = Generate(Frameworks.Net8, PrivateGeneric);

        var declaration = Assert.Single(diagnostics, d => d.Id == "PADRE011");
        Assert.Contains("generic targets only on .NET 9 or later", declaration.GetMessage());
    }

    [Fact]
    public void Private_method_of_a_static_class_on_net8_says_it_needs_net10_or_a_non_static_class()
    {
        var diagnostics = Generate(Frameworks.Net8, PrivateInStaticClass);

        var declaration = Assert.Single(diagnostics, d => d.Id == "PADRE011");
        Assert.Contains(".NET 10 or later", declaration.GetMessage());
        Assert.Contains("non-static", declaration.GetMessage());
    }

    [Fact]
    public void Instance_method_of_a_private_nested_type_says_the_type_must_be_internal()
    {
        const string source = """
            public class Outer
            {
                private sealed class Hidden
                {
                    [Padre.Pads.Track(Padre.Pads.Hooks.Hook.Log)]
                    public int Step() => 1;
                }

                public static int Run() => new Hidden().Step();
            }
            """;
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/A.cs", source), ("/src/P.cs", "Outer.Run();")));

        var declaration = Assert.Single(run.Diagnostics, d => d.Id == "PADRE011");
        Assert.Contains("make the type internal", declaration.GetMessage());
        Assert.Contains(run.Diagnostics, d => d.Id == "PADRE009" && d.GetMessage().Contains("'Hidden' is private"));
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Attributed_local_function_says_calls_to_it_cannot_be_intercepted()
    {
        const string source = """
            public static class Training
            {
                public static int Run()
                {
                    return Twice(2);

                    [Padre.Pads.Track(Padre.Pads.Hooks.Hook.Log)]
                    static int Twice(int x) => 2 * x;
                }
            }
            """;
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/A.cs", source), ("/src/P.cs", "Training.Run();")));

        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("PADRE012", d.Id);
        Assert.Contains("local function 'Twice'", d.GetMessage());
        Assert.Contains("cannot intercept", d.GetMessage());
        Assert.Equal(7, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Dataset_method_in_top_level_statements_is_told_to_move_into_partial_Program()
    {
        const string source = """
            var data = Points();
            System.Console.WriteLine(data.Length);

            [Padre.Pads.PadreDataset("points")]
            static int[] Points() => [1, 2, 3];
            """;
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/Program.cs", source)));

        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("PADRE012", d.Id);
        Assert.Contains("partial class Program", d.GetMessage());
    }

    [Fact]
    public void Private_methods_of_partial_Program_beside_top_level_statements_are_tracked()
    {
        const string source = """
            var data = Points();
            System.Console.WriteLine(Train(data));

            partial class Program
            {
                [Padre.Pads.PadreDataset("points")]
                private static int[] Points() => [1, 2, 3];

                [Padre.Pads.PadreExperiment("train")]
                private static int Train(int[] data) => data.Length;
            }
            """;
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/Program.cs", source)));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(GeneratorHarness.Generated(run, "PadreTracking."), "UnsafeAccessorKind.StaticMethod").Count);
    }

    [Fact]
    public void Experiment_on_a_local_function_is_left_to_the_analyzers_PADRE024()
    {
        const string source = """
            public static class Training
            {
                public static void Run()
                {
                    Train();

                    [Padre.Pads.PadreExperiment("x")]
                    static void Train() { }
                }
            }
            """;
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/A.cs", source), ("/src/P.cs", "Training.Run();")));

        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Virtual_method_called_through_base_is_reported_not_intercepted()
    {
        const string source = """
            public class Model
            {
                [Padre.Pads.Track(Padre.Pads.Hooks.Hook.Log)]
                public virtual int Step() => 1;
            }

            public sealed class Tuned : Model
            {
                public override int Step() => base.Step() + 1;
            }
            """;
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/A.cs", source), ("/src/P.cs", "new Tuned().Step();")));

        Assert.Contains(run.Diagnostics, d => d.Id == "PADRE009" && d.GetMessage().Contains("base."));
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Mapped_private_method_is_intercepted_through_an_accessor_without_a_diagnostic()
    {
        const string source = """
            namespace Lib;

            public class Scorer
            {
                private double Score(double x) => x / 2;

                public double Run(double x) => Score(x);
            }
            """;
        var (run, output) = GeneratorHarness.Run(
            GeneratorHarness.Compile(("/src/A.cs", source), ("/src/P.cs", "new Lib.Scorer().Run(1);")),
            ("/src/lib.padre.yml", "mappings:\n  Lib.Scorer:\n    methods: [Score]\n    hooks: [metric]\n"));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        var generated = GeneratorHarness.Generated(run, "PadreTracking.");
        Assert.Contains("UnsafeAccessorKind.Method, Name = \"Score\"", generated);
        Assert.Contains("call.Metric(\"Score\", (double)metrics, step);", generated);
    }
}
