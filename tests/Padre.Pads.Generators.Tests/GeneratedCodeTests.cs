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

        Snapshot.Match("Iris", GeneratorHarness.Generated(run, "Program."));
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

        Snapshot.Match("Breadth", GeneratorHarness.Generated(run, "Shapes."));
    }
}
