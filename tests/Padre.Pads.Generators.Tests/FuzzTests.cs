using Padre.Pads.Generators.Mapping;
using Padre.Pads.Generators.Tests.Support;

namespace Padre.Pads.Generators.Tests;

/// <summary>
/// Mutated mapping files and attribute uses must never crash the generator: every problem is a diagnostic.
/// Deterministic seed, so a failure reproduces.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Pieces =
    [
        "metadata:", "  author: x", "  library:", "    name: Microsoft.ML.Data", "    versions: \"[5.0,6.0)\"", "    versions: \"(,\"",
        "fragments:", "  f:", "    hooks: [fit, log]", "    include: [f]", "mappings:", "  Other.Numbers:", "  Microsoft.ML.ITransformer:",
        "    methods: [Twice]", "    methods: [\"/^T/\"]", "    methods: [\"/(/\"]", "    methods: 3", "    hooks: [nope]", "    hooks: fit",
        "    data: { x: input }", "    data: { x: wrong }", "    data: [1, 2]", "    step: s", "    include: [missing]", "  - methods: [Transform]",
        "    hooks: [transform]", "- a", "? complex", ": :", "\t", "&anchor x", "*anchor", "!!binary x", "{", "]", "\"unterminated", "~", "",
    ];

    [Fact]
    public void One_thousand_mutated_mapping_files_are_read_without_an_exception()
    {
        var random = new Random(20261123);
        var files = 0;
        for (var i = 0; i < 1000; i++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 14)).Select(_ => Pieces[random.Next(Pieces.Length)]).ToList();
            if (random.Next(4) == 0 && lines.Count > 0)
            {
                var at = random.Next(lines.Count);
                var chars = lines[at].ToCharArray();
                if (chars.Length > 0)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(32, 127);
                }

                lines[at] = new string(chars);
            }

            var file = MappingReader.Read("/f" + i + ".padre.yml", string.Join("\n", lines), builtIn: false);
            Assert.NotNull(file);
            files++;
        }

        Assert.Equal(1000, files);
    }

    [Fact]
    public void Mutated_mappings_and_attribute_uses_never_crash_the_generator()
    {
        var random = new Random(7);
        string[] attributes =
        [
            "[Padre.Pads.Track()]", "[Padre.Pads.Track(Padre.Pads.Hooks.Hook.Fit)]", "[Padre.Pads.Track((Padre.Pads.Hooks.Hook)999)]",
            "[Padre.Pads.PadreExperiment(null!)]", "[Padre.Pads.PadreExperiment(\"\", Project = null)]", "[Padre.Pads.PadreDataset(\"d\")]",
            "[Padre.Pads.Track(Padre.Pads.Hooks.Hook.Predict, Padre.Pads.Hooks.Hook.Predict)]",
        ];
        string[] signatures =
        [
            "public static int M(int a = 1) => a;", "public static T M<T>(T a) where T : class => a;", "public static void M(ref int a) { a++; }",
            "public static void M(out int a) { a = 1; }", "public static int M(params int[] a) => a.Length;", "public static System.Threading.Tasks.Task M() => System.Threading.Tasks.Task.CompletedTask;",
            "private static T M<T>(T a) where T : class => a;", "private static double? M(int a = 1) => a;", "private static (double a, int b) M() => (1, 2);",
        ];
        string[] calls = ["M();", "M(1);", "M<string>(\"x\");", "{ var x = 1; M(ref x); }", "M(out var y);", "M(1, 2, 3);", "_ = M();"];
        for (var i = 0; i < 60; i++)
        {
            var source = "public static class C {\n" + attributes[random.Next(attributes.Length)] + "\n" + signatures[random.Next(signatures.Length)]
                + "\npublic static void Call() { " + calls[random.Next(calls.Length)] + " }\n}\n";
            var yaml = string.Join("\n", Enumerable.Range(0, random.Next(1, 10)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var (run, _) = GeneratorHarness.Run(GeneratorHarness.Compile(GeneratorHarness.EnabledOptions, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, ("/src/C.cs", source)), ("/src/m.padre.yml", yaml));

            var result = run.Results.Single();
            Assert.Null(result.Exception);
            Assert.DoesNotContain(run.Diagnostics, d => d.Id is "PADRE010" or "CS8785");
        }
    }
}
