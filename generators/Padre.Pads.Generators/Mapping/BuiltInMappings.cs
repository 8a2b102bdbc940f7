using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace Padre.Pads.Generators.Mapping;

/// <summary>The mapping files embedded in the generator (source: the repository's <c>mappings/</c> folder).</summary>
internal static class BuiltInMappings
{
    private const string Prefix = "Padre.Pads.Mappings.";

    // Parsed once per generator load: the embedded text never changes while the compiler runs.
    private static readonly ImmutableArray<MappingFile> Parsed = Load();

    public static ImmutableArray<MappingFile> Files => Parsed;

    private static ImmutableArray<MappingFile> Load()
    {
        var assembly = typeof(BuiltInMappings).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, System.StringComparison.Ordinal))
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return MappingReader.Read("builtin:" + n.Substring(Prefix.Length), reader.ReadToEnd(), builtIn: true);
            })
            .ToImmutableArray();
    }
}
