using System.Reflection;
using Padre.Pads.Generators.Mapping;
using Padre.Pads.Generators.Tests.Support;

namespace Padre.Pads.Generators.Tests;

/// <summary>The generator's compiled-in built-in mappings are exactly what reading <c>mappings/*.padre.yml</c> gives.</summary>
public sealed class BuiltInMappingDataTests
{
    private static readonly string Root = typeof(BuiltInMappingDataTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    private static List<MappingFile> ReadYaml() =>
        Directory.GetFiles(Path.Combine(Root, "mappings"), "*.padre.yml")
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Select(p => MappingReader.Read("builtin:" + Path.GetFileName(p), File.ReadAllText(p), builtIn: true))
            .ToList();

    [Fact]
    public void Compiled_in_mappings_equal_the_yaml_files()
    {
        Assert.Equal(ReadYaml(), BuiltInMappings.Files);
    }

    [Fact]
    public void Committed_mapping_data_is_what_the_writer_writes_from_the_yaml_files()
    {
        var committed = Path.Combine(Root, "generators", "Padre.Pads.Generators", "Mapping", "BuiltInMappings.Data.cs");
        var received = committed + ".received";
        var expected = MappingDataWriter.Write(ReadYaml());
        if (File.Exists(committed) && File.ReadAllText(committed).Replace("\r\n", "\n") == expected)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, expected);
        Assert.Fail($"'{committed}' is not the rendering of mappings/*.padre.yml. Review '{received}' and move it over the committed file.");
    }
}
