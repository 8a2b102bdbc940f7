using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Padre.Pads.Package.Tests.Support;
using Padre.Pads.Testing;

namespace Padre.Pads.Package.Tests;

/// <summary>The packed nupkg holds what a consumer needs, where NuGet and the compiler look for it.</summary>
public sealed class PackageLayoutTests
{
    private static readonly Lazy<(HashSet<string> Entries, XDocument Nuspec, Dictionary<string, string> Texts)> Package = new(() =>
    {
        using var zip = ZipFile.OpenRead(PackedPackage.RequirePath());
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var texts = zip.Entries
            .Where(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) || e.FullName.EndsWith(".props", StringComparison.Ordinal) || e.FullName.EndsWith(".targets", StringComparison.Ordinal))
            .ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd(), StringComparer.Ordinal);
        return (entries, XDocument.Parse(texts["Padre.Pads.nuspec"]), texts);
    });

    [Theory]
    [InlineData("lib/net8.0/Padre.Pads.dll")]
    [InlineData("lib/net8.0/Padre.Pads.xml")]
    [InlineData("lib/net8.0/Padre.Pads.MLNet.dll")]
    [InlineData("lib/net8.0/Padre.Pads.MLNet.xml")]
    [InlineData("lib/net8.0/Padre.Pads.MlflowApi.dll")]
    [InlineData("ref/net8.0/Padre.Pads.dll")]
    [InlineData("ref/net8.0/Padre.Pads.xml")]
    [InlineData("ref/net8.0/Padre.Pads.MLNet.dll")]
    [InlineData("ref/net8.0/Padre.Pads.MLNet.xml")]
    [InlineData("analyzers/dotnet/cs/Padre.Pads.Generators.dll")]
    [InlineData("analyzers/dotnet/cs/YamlDotNet.dll")]
    [InlineData("analyzers/dotnet/cs/Padre.Pads.Analyzers.dll")]
    [InlineData("analyzers/dotnet/cs/Padre.Pads.Analyzers.CodeFixes.dll")]
    [InlineData("build/Padre.Pads.props")]
    [InlineData("build/Padre.Pads.targets")]
    [InlineData("buildTransitive/Padre.Pads.props")]
    [InlineData("buildTransitive/Padre.Pads.targets")]
    [InlineData("mappings/microsoft.ml.padre.yml")]
    [InlineData("README.md")]
    public void Package_holds_file(string path) => Assert.Contains(path, Package.Value.Entries);

    [Theory]
    [InlineData("analyzers/dotnet/cs/Padre.Pads.Generators.dll")]
    [InlineData("analyzers/dotnet/cs/Padre.Pads.Analyzers.dll")]
    [InlineData("lib/net8.0/Padre.Pads.dll")]
    [InlineData("lib/net8.0/Padre.Pads.MLNet.dll")]
    [InlineData("lib/net8.0/Padre.Pads.MlflowApi.dll")]
    public void Packed_assembly_is_ReadyToRun_exactly_when_crossgen2_was_available(string path)
    {
        using var assembly = Entry(path);

        Assert.Equal(ReadyToRunImage.ExpectedFor(typeof(PackageLayoutTests).Assembly), ReadyToRunImage.Is(assembly));
    }

    [Theory]
    [InlineData("lib/net8.0/Padre.Pads.dll")]
    [InlineData("lib/net8.0/Padre.Pads.MLNet.dll")]
    [InlineData("lib/net8.0/Padre.Pads.MlflowApi.dll")]
    public void Runtime_library_keeps_its_IL_for_other_platforms_and_runtimes(string path)
    {
        using var assembly = Entry(path);
        using var pe = new PEReader(assembly);
        var metadata = pe.GetMetadataReader();

        Assert.True(metadata.MethodDefinitions.Count > 100);
        Assert.Contains(metadata.MethodDefinitions.Select(metadata.GetMethodDefinition), m => m.RelativeVirtualAddress != 0);
    }

    private static MemoryStream Entry(string path)
    {
        using var zip = ZipFile.OpenRead(PackedPackage.RequirePath());
        var copy = new MemoryStream();
        using (var entry = zip.GetEntry(path)!.Open())
        {
            entry.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }

    [Fact]
    public void Package_has_no_assembly_of_its_packing_project()
    {
        Assert.DoesNotContain(Package.Value.Entries, e => e.Contains("Padre.Pads.Package", StringComparison.Ordinal));
        Assert.All(Package.Value.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)), e => Assert.StartsWith("lib/net8.0/Padre.Pads.", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Nuspec_depends_on_the_runtime_packages_and_on_no_project_of_the_repository()
    {
        var ns = Package.Value.Nuspec.Root!.Name.Namespace;
        var dependencies = Package.Value.Nuspec.Descendants(ns + "dependency").Select(d => (string)d.Attribute("id")!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(
            ["Microsoft.Data.Sqlite", "Microsoft.Extensions.Http.Resilience", "Microsoft.ML", "Refit", "Serilog"],
            dependencies);
    }

    [Fact]
    public void Nuspec_names_the_package_with_readme_license_and_repository()
    {
        var ns = Package.Value.Nuspec.Root!.Name.Namespace;
        var metadata = Package.Value.Nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("Padre.Pads", (string?)metadata.Element(ns + "id"));
        Assert.Equal("README.md", (string?)metadata.Element(ns + "readme"));
        Assert.Equal("Apache-2.0", (string?)metadata.Element(ns + "license"));
        Assert.NotNull(metadata.Element(ns + "repository"));
        Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(ns + "description")));
    }

    [Theory]
    [InlineData("build/Padre.Pads.targets")]
    [InlineData("buildTransitive/Padre.Pads.targets")]
    public void Build_targets_enable_the_generated_interceptors_and_mapping_files(string path)
    {
        var targets = Package.Value.Texts[path];

        Assert.Contains("<InterceptorsNamespaces>$(InterceptorsNamespaces);Padre.Pads.Generated</InterceptorsNamespaces>", targets, StringComparison.Ordinal);
        Assert.Contains("<AdditionalFiles Include=\"$(PadrePadsMappingFiles)\"", targets, StringComparison.Ordinal);
        Assert.Contains("**/*.padre.yml", Package.Value.Texts[path.Replace(".targets", ".props", StringComparison.Ordinal)], StringComparison.Ordinal);
    }
}
