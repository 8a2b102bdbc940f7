using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Padre.Pads.Analyzers.Tests.Support;

/// <summary>
/// One set of metadata references shared by every test: the running framework's reference assemblies,
/// the Microsoft.ML assemblies copied beside the tests, and a stand-in for the Padre.Pads runtime.
/// </summary>
internal static class References
{
    /// <summary>The attribute and hook shapes of the runtime, known to the analyzers by name only.</summary>
    public const string RuntimeSource = """
        namespace Padre.Pads
        {
            [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Constructor)]
            public sealed class PadreExperimentAttribute : System.Attribute
            {
                public PadreExperimentAttribute(string? name) { }
                public string? Project { get; set; }
            }

            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class PadreDatasetAttribute : System.Attribute
            {
                public PadreDatasetAttribute(string? name) { }
                public string? Target { get; set; }
            }

            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class TrackAttribute : System.Attribute
            {
                public TrackAttribute(params Padre.Pads.Hooks.Hook[] hooks) { }
            }
        }

        namespace Padre.Pads.Hooks
        {
            [System.Flags]
            public enum Hook { Init = 1, Fit = 2, Predict = 4, Transform = 8, Metric = 16, Split = 32, Log = 64 }
        }
        """;

    public static ImmutableArray<MetadataReference> Framework { get; } = LoadFramework();

    public static ImmutableArray<MetadataReference> MLNet { get; } =
        [.. Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.ML*.dll").Select(p => MetadataReference.CreateFromFile(p))];

    /// <summary>An in-memory assembly named Padre.Pads, as a user project would reference it.</summary>
    public static MetadataReference Runtime { get; } = CompileRuntime();

    public static ImmutableArray<MetadataReference> WithoutRuntime { get; } = [.. Framework, .. MLNet];

    public static ImmutableArray<MetadataReference> WithRuntime { get; } = [.. Framework, .. MLNet, Runtime];

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ -> <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.<minor>/
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var version = Path.GetFileName(runtimeDirectory);
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var moniker = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        var refDirectory = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref", version, "ref", moniker);
        if (Directory.Exists(refDirectory))
        {
            return [.. Directory.GetFiles(refDirectory, "*.dll").Select(p => MetadataReference.CreateFromFile(p))];
        }

        // No targeting pack: the implementation assemblies the tests run on compile the same sources.
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. trusted.Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p))];
    }

    private static MetadataReference CompileRuntime()
    {
        var compilation = CSharpCompilation.Create(
            "Padre.Pads",
            [CSharpSyntaxTree.ParseText(RuntimeSource, new CSharpParseOptions(LanguageVersion.Latest))],
            Framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The runtime stand-in does not compile: " + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
