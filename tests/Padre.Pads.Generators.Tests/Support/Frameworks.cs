using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Generators.Tests.Support;

/// <summary>
/// Reference assemblies of frameworks older than the test's own, from the NuGet cache: .NET 8 (UnsafeAccessor without
/// generics or UnsafeAccessorType) and .NET Standard 2.0 (no UnsafeAccessor), plus Padre.Pads itself.
/// </summary>
internal static class Frameworks
{
    private static readonly string PackageRoot = typeof(Frameworks).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;

    public static IReadOnlyList<MetadataReference> Net8 => With(Folder("microsoft.netcore.app.ref", "8.", "ref/net8.0"));

    public static IReadOnlyList<MetadataReference> NetStandard20 => With(Folder("netstandard.library", "2.0.", "build/netstandard2.0/ref"));

    private static IReadOnlyList<MetadataReference> With(string folder) =>
        Directory.GetFiles(folder, "*.dll")
            .Append(typeof(Padre.Pads.TrackAttribute).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();

    private static string Folder(string package, string versionPrefix, string inside)
    {
        var versions = Path.Combine(PackageRoot, package);
        var folder = Directory.Exists(versions)
            ? Directory.GetDirectories(versions).Where(d => Path.GetFileName(d).StartsWith(versionPrefix, StringComparison.Ordinal)).Order().Select(d => Path.Combine(d, inside)).LastOrDefault(Directory.Exists)
            : null;
        return folder ?? throw new InvalidOperationException($"No {package} {versionPrefix}x under '{PackageRoot}': restore src/Padre.Pads (net8.0) first.");
    }
}
