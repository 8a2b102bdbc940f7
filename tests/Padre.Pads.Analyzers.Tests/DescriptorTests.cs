using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Padre.Pads.Analyzers.Tests;

/// <summary>Every diagnostic has its help page section, its release entry and a fix in its message.</summary>
public sealed class DescriptorTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in All())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_has_a_section_in_docs_diagnostics_md_that_its_help_link_opens(string id)
    {
        var descriptor = All().Single(d => d.Id == id);
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));

        Assert.Contains($"\n## {id}\n", docs.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains($"**{descriptor.Title}**", docs, StringComparison.Ordinal);
        Assert.EndsWith("docs/diagnostics.md#" + id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_is_listed_in_the_unshipped_release_with_its_severity(string id)
    {
        var descriptor = All().Single(d => d.Id == id);
        var releases = File.ReadAllText(Path.Combine(RepositoryRoot(), "analyzers", "Padre.Pads.Analyzers", "AnalyzerReleases.Unshipped.md"));

        Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", releases, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_unique_and_start_at_PADRE020()
    {
        var ids = All().Select(d => d.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(string.CompareOrdinal(id, "PADRE020") >= 0, id));
    }

    private static IReadOnlyList<DiagnosticDescriptor> All() =>
        [.. typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Padre.Pads.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Padre.Pads.sln not found above " + AppContext.BaseDirectory);
    }
}
