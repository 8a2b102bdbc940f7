using System.Reflection;

namespace Padre.Pads.Benchmarks.Generator;

/// <summary>
/// A 200-file console project outside the repository (so no repository-wide build settings apply), wired to
/// Padre.Pads exactly as the samples are: by importing <c>build/Padre.Pads.ProjectReference.targets</c>.
/// <c>-p:PadrePadsWiring=none</c> builds the same code against the runtime libraries only (no generator, no
/// analyzers, no interceptors), which is the baseline the generator's cost is measured against.
/// </summary>
internal sealed class SyntheticProject
{
    public const int FileCount = 200;

    /// <summary>The file the incremental legs edit (an ML.NET pipeline file, so its interceptors are regenerated).</summary>
    public const int EditedFile = 10;

    private SyntheticProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string ProjectFile => Path.Combine(Directory, "Synthetic.csproj");

    public string EditedFilePath => Path.Combine(Directory, "Sources", SyntheticSources.FileName(EditedFile));

    /// <summary>Where csc's inputs are listed after a build (references, compiled files) for the in-process leg.</summary>
    public string CompileInputsFile => Path.Combine(Directory, "obj", "full", "padre-bench.compile-inputs.txt");

    public static string RepositoryRoot { get; } = typeof(SyntheticProject).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>
    /// Writes the project into <paramref name="directory"/> (default: a fixed folder under the temp path, so
    /// later runs build incrementally); files whose text is unchanged are not rewritten.
    /// </summary>
    public static SyntheticProject Write(string? directory = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "padre-generator-benchmark");
        var project = new SyntheticProject(Path.GetFullPath(directory));
        System.IO.Directory.CreateDirectory(Path.Combine(project.Directory, "Sources"));
        WriteIfChanged(project.ProjectFile, ProjectText(RepositoryRoot));
        WriteIfChanged(Path.Combine(project.Directory, "Directory.Build.props"), PropsText);
        WriteIfChanged(Path.Combine(project.Directory, "Directory.Build.targets"), "<Project />\n");
        WriteIfChanged(
            Path.Combine(project.Directory, "Directory.Packages.props"),
            $"<Project>\n  <Import Project=\"{Path.Combine(RepositoryRoot, "Directory.Packages.props")}\" />\n</Project>\n");
        WriteIfChanged(Path.Combine(project.Directory, "Program.cs"), SyntheticSources.Program(FileCount));
        for (var i = 0; i < FileCount; i++)
        {
            WriteIfChanged(Path.Combine(project.Directory, "Sources", SyntheticSources.FileName(i)), SyntheticSources.File(i));
        }

        return project;
    }

    /// <summary>The edited file's original text, before any one-line edit of the incremental legs.</summary>
    public static string EditedFileOriginalText => SyntheticSources.File(EditedFile);

    // Each wiring keeps its own obj/ and bin/ (and restore), so switching legs never invalidates the other's state.
    private const string PropsText =
        """
        <Project>
          <PropertyGroup>
            <PadrePadsWiring Condition="'$(PadrePadsWiring)' == ''">full</PadrePadsWiring>
            <BaseIntermediateOutputPath>obj/$(PadrePadsWiring)/</BaseIntermediateOutputPath>
            <BaseOutputPath>bin/$(PadrePadsWiring)/</BaseOutputPath>
            <!-- The other wiring's obj/ and bin/ are not sources of this one. -->
            <DefaultItemExcludes>$(DefaultItemExcludes);obj/**;bin/**</DefaultItemExcludes>
          </PropertyGroup>
        </Project>

        """;

    private static string ProjectText(string repositoryRoot) =>
        $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <RootNamespace>Synthetic</RootNamespace>
            <_PadreBenchRepo>{repositoryRoot}/</_PadreBenchRepo>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.ML" />
            <PackageReference Include="Microsoft.ML.FastTree" />
          </ItemGroup>

          <!-- What a user gets from the Padre.Pads package: generator, analyzers, interceptors allowed, runtime. -->
          <Import Project="$(_PadreBenchRepo)build/Padre.Pads.ProjectReference.targets" Condition="'$(PadrePadsWiring)' != 'none'" />
          <!-- Baseline: the same code against the runtime libraries only. -->
          <ItemGroup Condition="'$(PadrePadsWiring)' == 'none'">
            <ProjectReference Include="$(_PadreBenchRepo)src/Padre.Pads/Padre.Pads.csproj" />
            <ProjectReference Include="$(_PadreBenchRepo)src/Padre.Pads.MLNet/Padre.Pads.MLNet.csproj" />
          </ItemGroup>

          <!-- For the in-process Roslyn leg: the exact references and files csc compiles. -->
          <Target Name="PadreBenchListCompileInputs" AfterTargets="CoreCompile">
            <WriteLinesToFile File="$(BaseIntermediateOutputPath)padre-bench.compile-inputs.txt" Overwrite="true" WriteOnlyWhenDifferent="true"
                              Lines="@(ReferencePathWithRefAssemblies->'reference:%(FullPath)');@(Compile->'compile:%(FullPath)')" />
          </Target>
        </Project>
        """;

    private static void WriteIfChanged(string path, string text)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            File.WriteAllText(path, text);
        }
    }
}
