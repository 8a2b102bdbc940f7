using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Padre.Pads.Generators.Tests.Support;

namespace Padre.Pads.Generators.Tests;

public sealed class GeneratedCodeTests
{
    [Fact]
    public void Iris_program_compiles_without_warnings_with_interceptors()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/Program.cs", Sources.Iris)));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Iris_program_interceptors_match_the_approved_snapshot()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/Program.cs", Sources.Iris)));

        Snapshot.Match("Iris", GeneratorHarness.GeneratedWithBodies(run, "Program."));
    }

    [Fact]
    public void Marker_type_is_emitted_once_per_compilation()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/A.cs", Sources.Unrelated)));

        Assert.Single(run.Results.Single().GeneratedSources, s => s.HintName == "PadreGeneratorMarker.g.cs");
        Assert.NotNull(output.GetTypeByMetadataName("Padre.Pads.Generated.PadreGeneratorMarker"));
    }

    [Fact]
    public void Executable_connects_the_tracker_as_the_entry_assembly()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.EnabledOptions, Microsoft.CodeAnalysis.OutputKind.ConsoleApplication, ("/src/Program.cs", Sources.Iris)));

        var connection = GeneratorHarness.Generated(run, "PadreConnection.");
        Assert.Contains("global::Padre.Pads.Hooks.Interception.UseTracker(fromEntryAssembly: true);", connection);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Library_connects_the_tracker_without_claiming_to_run_before_main()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.EnabledOptions, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, ("/src/Lib.cs", Sources.Unrelated)));

        var connection = GeneratorHarness.Generated(run, "PadreConnection.");
        Assert.Contains("global::Padre.Pads.Hooks.Interception.UseTracker();", connection);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Registrations_of_referenced_libraries_are_handed_to_the_tracker_to_run_later_not_called_before_main()
    {
        var plugin = CSharpCompilation.Create(
            "PluginLib",
            [CSharpSyntaxTree.ParseText("[assembly: Padre.Pads.Hooks.PadreRegistration(typeof(PluginLib.Plugin))]\nnamespace PluginLib { public static class Plugin { public static void Register() { } } }")],
            GeneratorHarness.DefaultReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        Assert.True(plugin.Emit(image).Success);
        var program = CSharpCompilation.Create(
            "UserProgram",
            [CSharpSyntaxTree.ParseText(Sources.Iris, GeneratorHarness.EnabledOptions, "/src/Program.cs")],
            GeneratorHarness.DefaultReferences.Add(MetadataReference.CreateFromImage(image.ToArray())),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var (run, output) = GeneratorHarness.Run(program);

        var connection = GeneratorHarness.Generated(run, "PadreConnection.");
        Assert.Contains("UseTracker(fromEntryAssembly: true, registrations: static () =>", connection);
        Assert.Contains("global::PluginLib.Plugin.Register();", connection);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Breadth_of_ml_net_shapes_compiles_without_warnings()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/Program.cs", "Shapes.UseMine();"), ("/src/Shapes.cs", Sources.Breadth)));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Breadth_interceptors_match_the_approved_snapshot()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/Program.cs", "Shapes.UseMine();"), ("/src/Shapes.cs", Sources.Breadth)));

        Snapshot.Match("Breadth", GeneratorHarness.GeneratedWithBodies(run, "Shapes."));
    }

    [Fact]
    public void Sites_of_the_same_target_in_different_files_share_one_tracking_body()
    {
        const string Second = """
            using Microsoft.ML;

            public static class Second
            {
                public static ITransformer Train(MLContext ml, IDataView data) =>
                    ml.Transforms.Concatenate("Features", "A", "B").Fit(data);
            }
            """;
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/Program.cs", Sources.Iris), ("/src/Second.cs", Second)));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        var body = System.Text.RegularExpressions.Regex.Match(GeneratorHarness.Generated(run, "Second."), @"PadreTracking\.(Concatenate_[0-9a-f]{8})\(").Groups[1].Value;
        Assert.NotEmpty(body);
        Assert.Contains("PadreTracking." + body + "(", GeneratorHarness.Generated(run, "Program."), StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(GeneratorHarness.Generated(run, "PadreTracking."), " " + body + @"\("));
    }

    [Fact]
    public void Parameters_named_like_aliases_and_the_switch_do_not_hide_them()
    {
        const string Library = """
            namespace Lib.Data.Models
            {
                public sealed class Row { public int Value { get; set; } }
            }

            namespace Lib.Data
            {
                using Lib.Data.Models;

                public static class Scores
                {
                    [Padre.Pads.Track(Padre.Pads.Hooks.Hook.Log)]
                    public static int Score(Row Models, Row Data, bool IsEnabled, Models.Row PadreTracking) => Models.Value + Data.Value + PadreTracking.Value;

                    [Padre.Pads.Track(Padre.Pads.Hooks.Hook.Log)]
                    public static int Other(Row first, Row second) => first.Value + second.Value;
                }
            }
            """;
        const string Program = """
            var row = new Lib.Data.Models.Row { Value = 1 };
            System.Console.WriteLine(Lib.Data.Scores.Score(row, row, true, row) + Lib.Data.Scores.Other(row, row) + Lib.Data.Scores.Other(row, row));
            """;
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/Lib.cs", Library), ("/src/Program.cs", Program)));

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        Assert.Contains("PadreHooks.Interception.IsEnabled ?", GeneratorHarness.Generated(run, "Program."), StringComparison.Ordinal);
    }

    [Fact]
    public void A_library_and_a_program_it_shows_its_internals_to_each_get_their_own_tracking_bodies_without_warnings()
    {
        const string Library = """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Consumer")]

            namespace Lib
            {
                public static class Numbers
                {
                    [Padre.Pads.Track(Padre.Pads.Hooks.Hook.Log)]
                    public static int Twice(int x) => x * 2;

                    public static int Use() => Twice(1);
                }
            }
            """;
        var (libraryRun, library) = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.EnabledOptions, OutputKind.DynamicallyLinkedLibrary, ("/src/Lib.cs", Library)));
        Assert.Empty(libraryRun.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(library));

        var consumer = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("System.Console.WriteLine(Lib.Numbers.Twice(2));", GeneratorHarness.EnabledOptions, "/src/Program.cs")],
            GeneratorHarness.DefaultReferences.Add(library.ToMetadataReference()),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var (run, output) = GeneratorHarness.Run(consumer);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
    }
}
