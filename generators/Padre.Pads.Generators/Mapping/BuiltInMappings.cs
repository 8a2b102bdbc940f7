using System.Collections.Immutable;

namespace Padre.Pads.Generators.Mapping;

/// <summary>
/// The mapping files built into the generator (source: the repository's <c>mappings/</c> folder), compiled in as
/// data (<c>BuiltInMappings.Data.cs</c>, checked against the YAML by the generator tests): a compiler process
/// builds them without loading YamlDotNet, which it then loads only for a project with its own mapping file.
/// </summary>
internal static partial class BuiltInMappings
{
    private static readonly ImmutableArray<MappingFile> Built = Build();

    public static ImmutableArray<MappingFile> Files => Built;
}
