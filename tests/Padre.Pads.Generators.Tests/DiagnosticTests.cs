using Microsoft.CodeAnalysis;
using Padre.Pads.Generators.Tests.Support;

namespace Padre.Pads.Generators.Tests;

/// <summary>One test per generator diagnostic: the ID, where it points and what it says.</summary>
public sealed class DiagnosticTests
{
    private static IReadOnlyList<Diagnostic> Run(string yaml, string source = Sources.Unrelated, bool enabled = true)
    {
        var options = enabled ? GeneratorHarness.EnabledOptions : GeneratorHarness.DisabledOptions;
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Compile(options, ("/src/A.cs", source)), ("/src/lib.padre.yml", yaml));
        return run.Diagnostics;
    }

    [Fact]
    public void PADRE001_invalid_yaml_is_reported_at_its_line()
    {
        var d = Assert.Single(Run("mappings:\n  Foo: [unclosed\n"));

        Assert.Equal("PADRE001", d.Id);
        Assert.EndsWith("lib.padre.yml", d.Location.GetLineSpan().Path);
        Assert.Contains("not valid YAML", d.GetMessage());
    }

    [Fact]
    public void PADRE002_unknown_key_names_the_allowed_keys_at_its_line()
    {
        var d = Assert.Single(Run("metadata:\n  autor: me\n"));

        Assert.Equal("PADRE002", d.Id);
        Assert.Equal(1, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'autor'", d.GetMessage());
        Assert.Contains("author", d.GetMessage());
    }

    [Fact]
    public void PADRE002_unknown_key_under_metrics_names_the_allowed_keys_at_its_line()
    {
        var d = Assert.Single(Run("mappings:\n  Other.Numbers:\n    methods: [Twice]\n    hooks: [metric]\n    metrics:\n      only-when-positive: { Count: [Rate] }\n"));

        Assert.Equal("PADRE002", d.Id);
        Assert.Equal(5, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("only-when-nonzero", d.GetMessage());
    }

    [Fact]
    public void PADRE003_metric_guard_that_is_not_a_mapping_of_members_says_the_expected_shape()
    {
        var d = Assert.Single(Run("mappings:\n  Other.Numbers:\n    methods: [Twice]\n    hooks: [metric]\n    metrics:\n      only-when-nonzero: [Count]\n"));

        Assert.Equal("PADRE003", d.Id);
        Assert.Contains("only-when-nonzero", d.GetMessage());
        Assert.Contains("not zero", d.GetMessage());
    }

    [Fact]
    public void PADRE003_unknown_hook_name_lists_the_hooks()
    {
        var d = Assert.Single(Run("mappings:\n  Other.Numbers:\n    methods: [Twice]\n    hooks: [train]\n"));

        Assert.Equal("PADRE003", d.Id);
        Assert.Contains("'train' is not a hook", d.GetMessage());
    }

    [Fact]
    public void PADRE003_invalid_regular_expression_is_reported()
    {
        var d = Assert.Single(Run("mappings:\n  Other.Numbers:\n    methods: [\"/(/\"]\n    hooks: [log]\n"));

        Assert.Equal("PADRE003", d.Id);
        Assert.Contains("regular expression", d.GetMessage());
    }

    [Fact]
    public void PADRE004_unknown_type_is_reported_at_its_entry()
    {
        var d = Assert.Single(Run("mappings:\n  Other.Nope:\n    methods: [Twice]\n    hooks: [log]\n"));

        Assert.Equal("PADRE004", d.Id);
        Assert.Equal(2, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void PADRE005_unknown_method_is_reported()
    {
        var d = Assert.Single(Run("mappings:\n  Other.Numbers:\n    methods: [Thrice]\n    hooks: [log]\n"));

        Assert.Equal("PADRE005", d.Id);
        Assert.Contains("Thrice", d.GetMessage());
    }

    [Fact]
    public void PADRE006_version_range_excluding_the_referenced_library_disables_the_file()
    {
        var yaml = "metadata:\n  library:\n    name: Microsoft.ML.Data\n    versions: \"[1.0,2.0)\"\nmappings:\n  Other.Numbers:\n    methods: [Twice]\n    hooks: [log]\n";

        var d = Assert.Single(Run(yaml));

        Assert.Equal("PADRE006", d.Id);
        Assert.Equal(3, d.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("5.0.1", d.GetMessage());
    }

    [Fact]
    public void PADRE007_unknown_fragment_is_reported()
    {
        var d = Assert.Single(Run("mappings:\n  Other.Numbers:\n    methods: [Twice]\n    include: [missing]\n    hooks: [log]\n"));

        Assert.Equal("PADRE007", d.Id);
    }

    [Fact]
    public void PADRE008_disabled_interceptors_are_reported_instead_of_breaking_the_build()
    {
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.DisabledOptions, ("/src/Program.cs", Sources.Iris)));

        Assert.Equal("PADRE008", Assert.Single(run.Diagnostics).Id);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void PADRE009_call_whose_signature_uses_a_private_type_is_reported_and_not_intercepted()
    {
        const string source = """
            public class Model
            {
                private sealed class State { }

                [Padre.Pads.Track(Padre.Pads.Hooks.Hook.Log)]
                private int Step(State state) => 1;

                public int Run() => Step(new State());
            }
            """;
        var (run, output) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/A.cs", source), ("/src/P.cs", "new Model().Run();")));

        var d = Assert.Single(run.Diagnostics, d => d.Id == "PADRE009");
        Assert.Contains("Model.State", d.GetMessage());
        Assert.Equal("/src/A.cs", d.Location.GetLineSpan().Path);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void PADRE011_attributed_instance_method_of_a_private_type_is_reported_at_its_declaration()
    {
        const string source = """
            public static class Outer
            {
                private sealed class Hidden
                {
                    [Padre.Pads.PadreExperiment("x")]
                    private void Train() { }

                    public void Run() => Train();
                }
            }
            """;
        var (run, _) = GeneratorHarness.Run(GeneratorHarness.Compile(("/src/A.cs", source), ("/src/P.cs", "System.Console.WriteLine();")));

        var d = Assert.Single(run.Diagnostics, d => d.Id == "PADRE011");
        Assert.Contains("'Hidden' is private", d.GetMessage());
        Assert.Equal(5, d.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void PADRE010_describes_a_generator_failure()
    {
        var descriptor = Padre.Pads.Generators.Diagnostics.Descriptors.ById["PADRE010"];

        Assert.Contains("report", descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
    }

    [Fact]
    public void Valid_user_mapping_hooks_a_method_of_the_users_own_library()
    {
        var (run, output) = GeneratorHarness.Run(
            GeneratorHarness.Compile(("/src/A.cs", Sources.Unrelated), ("/src/P.cs", "System.Console.WriteLine(Other.Numbers.Twice(2));")),
            ("/src/lib.padre.yml", "fragments:\n  f:\n    hooks: [log]\nmappings:\n  Other.Numbers:\n    methods: [\"/^Tw/\"]\n    include: [f]\n"));

        Assert.Empty(run.Diagnostics);
        Assert.Contains("Twice0(int x)", GeneratorHarness.Generated(run, "P."));
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Built_in_mapping_names_only_types_that_exist_in_ml_net()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "../../../../../mappings/microsoft.ml.padre.yml"));

        var diagnostics = Run(text);

        Assert.Empty(diagnostics);
    }
}
