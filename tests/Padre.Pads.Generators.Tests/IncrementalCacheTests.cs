using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Padre.Pads.Generators.Tests.Support;

namespace Padre.Pads.Generators.Tests;

/// <summary>An edit elsewhere must not make the generator redo its work for untouched files.</summary>
public sealed class IncrementalCacheTests
{
    [Fact]
    public void Unrelated_edit_leaves_every_tracked_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(("/src/Program.cs", Sources.Iris), ("/src/Other.cs", Sources.Unrelated));
        var driver = GeneratorHarness.Driver(GeneratorHarness.EnabledOptions, ("/src/lib.padre.yml", "mappings:\n  Other.Numbers:\n    methods: [Twice]\n    hooks: [log]\n"))
            .RunGenerators(compilation);

        var other = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Other.cs");
        var edited = compilation.ReplaceSyntaxTree(other, other.WithChangedText(other.GetText().Replace(0, 0, "// an unrelated comment\n")));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        string[] steps = [PadreGenerator.Steps.MappingFiles, PadreGenerator.Steps.MappingIndex, PadreGenerator.Steps.InterceptorsEnabled, PadreGenerator.Steps.Calls, PadreGenerator.Steps.Interceptors];
        foreach (var step in steps)
        {
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
                }
            }
        }
    }

    [Fact]
    public void Editing_a_file_regenerates_only_that_files_interceptors()
    {
        var compilation = GeneratorHarness.Compile(("/src/Program.cs", Sources.Iris), ("/src/Shapes.cs", Sources.Breadth));
        var driver = GeneratorHarness.Driver(GeneratorHarness.EnabledOptions).RunGenerators(compilation);

        var shapes = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Shapes.cs");
        var edited = compilation.ReplaceSyntaxTree(shapes, shapes.WithChangedText(shapes.GetText().Replace(0, 0, "// moved\n")));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var outputs = result.TrackedSteps[PadreGenerator.Steps.Interceptors].SelectMany(r => r.Outputs).ToList();
        var described = string.Join("; ", outputs.Select(o => o.Reason + ": " + o.Value));
        Assert.True(outputs.Count(o => o.Reason == IncrementalStepRunReason.Modified) == 1, described);
    }
}
