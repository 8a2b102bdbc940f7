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
}
