using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Padre.Pads.Generators.Tests.Support;

namespace Padre.Pads.Generators.Tests;

/// <summary>An edit elsewhere must not make the generator redo its work for untouched files.</summary>
public sealed class IncrementalCacheTests
{
    private static readonly string[] TrackedSteps =
    [
        PadreGenerator.Steps.MappingFiles, PadreGenerator.Steps.MappingIndex, PadreGenerator.Steps.InterceptorsEnabled,
        PadreGenerator.Steps.CandidateNames, PadreGenerator.Steps.Invocations, PadreGenerator.Steps.Candidates,
        PadreGenerator.Steps.Calls, PadreGenerator.Steps.Interceptors, PadreGenerator.Steps.Bodies, PadreGenerator.Steps.Tracking,
    ];

    [Fact]
    public void Unrelated_edit_leaves_every_tracked_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(("/src/Program.cs", Sources.Iris), ("/src/Other.cs", Sources.Unrelated));
        var driver = GeneratorHarness.Driver(GeneratorHarness.EnabledOptions, ("/src/lib.padre.yml", "mappings:\n  Other.Numbers:\n    methods: [Twice]\n    hooks: [log]\n"))
            .RunGenerators(compilation);

        var other = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Other.cs");
        var edited = compilation.ReplaceSyntaxTree(other, other.WithChangedText(other.GetText().Replace(0, 0, "// an unrelated comment\n")));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
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
        Assert.True(outputs.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged) == outputs.Count - 1, described);
    }

    [Fact]
    public void Moving_calls_keeps_the_shared_tracking_bodies_cached()
    {
        var compilation = GeneratorHarness.Compile(("/src/Program.cs", Sources.Iris), ("/src/Shapes.cs", Sources.Breadth));
        var driver = GeneratorHarness.Driver(GeneratorHarness.EnabledOptions).RunGenerators(compilation);

        // Every call of the file moves one line down: its interceptors change, the bodies they forward to do not.
        var shapes = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Shapes.cs");
        var edited = compilation.ReplaceSyntaxTree(shapes, shapes.WithChangedText(shapes.GetText().Replace(0, 0, "// moved\n")));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var bodies = result.TrackedSteps[PadreGenerator.Steps.Bodies].SelectMany(r => r.Outputs).ToList();
        Assert.Contains(bodies, o => o.Reason == IncrementalStepRunReason.Unchanged);
        Assert.All(bodies, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(result.TrackedSteps[PadreGenerator.Steps.Tracking].SelectMany(r => r.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void A_call_of_a_new_kind_adds_its_body_to_the_shared_tracking_bodies()
    {
        var compilation = GeneratorHarness.Compile(("/src/Program.cs", Sources.Iris), ("/src/Other.cs", Sources.Unrelated));
        var driver = GeneratorHarness.Driver(GeneratorHarness.EnabledOptions).RunGenerators(compilation);
        const string Added = """
            using Microsoft.ML;

            public static class Added
            {
                public static ITransformer Train(MLContext ml, IDataView data) => ml.Transforms.NormalizeMinMax("Features").Fit(data);
            }
            """;

        var result = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Added, GeneratorHarness.EnabledOptions, "/src/Added.cs")))
            .GetRunResult().Results.Single();

        var tracking = Assert.Single(result.TrackedSteps[PadreGenerator.Steps.Tracking].SelectMany(r => r.Outputs));
        Assert.Equal(IncrementalStepRunReason.Modified, tracking.Reason);
        var bodies = Assert.Single(result.GeneratedSources, s => s.HintName == "PadreTracking.g.cs").SourceText.ToString();
        Assert.Contains("NormalizeMinMax_", bodies, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_file_reads_the_invocations_of_that_file_only()
    {
        var compilation = GeneratorHarness.Compile(("/src/Program.cs", Sources.Iris), ("/src/Shapes.cs", Sources.Breadth), ("/src/Other.cs", Sources.Unrelated));
        var driver = GeneratorHarness.Driver(GeneratorHarness.EnabledOptions).RunGenerators(compilation);

        var shapes = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Shapes.cs");
        var edited = compilation.ReplaceSyntaxTree(shapes, shapes.WithChangedText(shapes.GetText().Replace(0, 0, "// moved\n")));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        // Syntax-only steps of unchanged files do not run at all; only the edited file is read again.
        var runs = result.TrackedSteps[PadreGenerator.Steps.Invocations];
        var reran = runs.SelectMany(r => r.Outputs).Where(o => o.Reason != IncrementalStepRunReason.Cached).ToList();
        Assert.True(runs.Length >= 3, runs.Length + " runs");
        Assert.Equal("/src/Shapes.cs", ((Padre.Pads.Generators.Discovery.FileInvocations)Assert.Single(reran).Value).FilePath);
    }

    [Fact]
    public void A_new_file_with_a_mapped_call_gets_its_interceptors_and_the_others_stay_cached()
    {
        var compilation = GeneratorHarness.Compile(("/src/Program.cs", Sources.Iris), ("/src/Other.cs", Sources.Unrelated));
        var driver = GeneratorHarness.Driver(GeneratorHarness.EnabledOptions).RunGenerators(compilation);
        const string Added = """
            using Microsoft.ML;

            public static class Added
            {
                public static ITransformer Train(MLContext ml, IDataView data) => ml.Transforms.NormalizeMinMax("Features").Fit(data);
            }
            """;

        var extended = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Added, GeneratorHarness.EnabledOptions, "/src/Added.cs"));
        var after = driver.RunGenerators(extended);
        var result = after.GetRunResult().Results.Single();

        var added = Assert.Single(result.GeneratedSources, s => s.HintName.StartsWith("Added.", StringComparison.Ordinal));
        Assert.Contains("NormalizeMinMax", added.SourceText.ToString(), StringComparison.Ordinal);
        Assert.Contains("Fit", added.SourceText.ToString(), StringComparison.Ordinal);
        var outputs = result.TrackedSteps[PadreGenerator.Steps.Interceptors].SelectMany(r => r.Outputs).ToList();
        var described = string.Join("; ", outputs.Select(o => o.Reason + ": " + o.Value));
        Assert.True(outputs.Count(o => o.Reason == IncrementalStepRunReason.New) == 1, described);
        Assert.True(outputs.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged) == outputs.Count - 1, described);
    }
}
