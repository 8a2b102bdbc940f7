using Microsoft.CodeAnalysis;
using Padre.Pads.Generators.Tests.Support;

namespace Padre.Pads.Generators.Tests;

/// <summary>Only calls whose simple name a mapping rule or a Padre attribute can select are bound.</summary>
public sealed class CandidateNameTests
{
    [Fact]
    public void Calls_are_bound_only_when_their_name_can_be_tracked()
    {
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/Program.cs", Sources.Iris)));

        var names = (Padre.Pads.Generators.Discovery.CandidateNames)run.Results.Single().TrackedSteps[PadreGenerator.Steps.CandidateNames].Single().Outputs.Single().Value;
        Assert.True(names.Contains("Fit"));

        // Selected by the built-in "/.*/" rules through the trainer and transform catalogs' extension methods.
        Assert.True(names.Contains("SdcaMaximumEntropy"));
        Assert.True(names.Contains("Concatenate"));
        Assert.True(names.Contains("MapValueToKey"));
        Assert.False(names.Contains("WriteLine"));
        Assert.False(names.Contains("Flowers"));

        // System.Object's members are ancestors' members of every mapped catalog, but a call of them is never tracked.
        Assert.False(names.Contains("ToString"));
        Assert.False(names.Contains("GetHashCode"));
        Assert.False(names.Contains("Equals"));
    }

    [Fact]
    public void Calls_of_an_attributed_method_of_a_referenced_assembly_are_intercepted()
    {
        const string Library = """
            namespace Lib;

            public static class Scores
            {
                [Padre.Pads.Track(Padre.Pads.Hooks.Hook.Metric)]
                public static double Compute(int x) => x / 2.0;
            }
            """;
        var library = GeneratorHarness.Compile(GeneratorHarness.DefaultReferences, ("/lib/Scores.cs", Library));
        using var pe = new MemoryStream();
        Assert.True(library.Emit(pe).Success);
        var image = MetadataReference.CreateFromImage(pe.ToArray());
        var program = GeneratorHarness.Compile(
            GeneratorHarness.DefaultReferences.Add(image),
            ("/src/Use.cs", "public static class Use { public static double Run() => Lib.Scores.Compute(3); }"));

        var (run, output) = GeneratorHarness.Run(program);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Compute", GeneratorHarness.Generated(run, "Use."), StringComparison.Ordinal);
        Assert.Empty(GeneratorHarness.Problems(output));
    }
}
