using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace Padre.Pads.Benchmarks.Generator;

/// <summary>
/// The method names the built-in mapping (<c>mappings/microsoft.ml.padre.yml</c>) can select in this compilation:
/// its literal names, and for <c>/regex/</c> rules the matching members of the mapped type and the extension
/// methods that extend it. A call with any other simple name can never be tracked by a mapping rule, so a
/// generator could skip it before asking the semantic model.
/// </summary>
internal static class MappedNames
{
    public static HashSet<string> Resolve(Compilation compilation)
    {
        var path = Path.Combine(SyntheticProject.RepositoryRoot, "mappings", "microsoft.ml.padre.yml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var extensions = ExtensionMethods(compilation).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in (YamlMappingNode)root.Children[new YamlScalarNode("mappings")])
        {
            var type = compilation.GetTypeByMetadataName(((YamlScalarNode)key).Value!);
            var rules = value is YamlSequenceNode sequence ? sequence.Children.Cast<YamlMappingNode>() : [(YamlMappingNode)value];
            foreach (var pattern in rules.SelectMany(r => ((YamlSequenceNode)r.Children[new YamlScalarNode("methods")]).Children).Select(n => ((YamlScalarNode)n).Value!))
            {
                if (!pattern.StartsWith('/'))
                {
                    names.Add(pattern);
                    continue;
                }

                if (type is null)
                {
                    continue;
                }

                var regex = new Regex("^(?:" + pattern.Trim('/') + ")$");
                var members = type.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary).Select(m => m.Name)
                    .Concat(extensions.Where(m => SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type.OriginalDefinition, type)).Select(m => m.Name));
                names.UnionWith(members.Where(name => regex.IsMatch(name)));
            }
        }

        return names;
    }

    private static IEnumerable<IMethodSymbol> ExtensionMethods(Compilation compilation)
    {
        var stack = new Stack<INamespaceOrTypeSymbol>(compilation.SourceModule.ReferencedAssemblySymbols
            .Where(a => a.Name.StartsWith("Microsoft.ML", StringComparison.Ordinal))
            .Select(a => a.GlobalNamespace));
        while (stack.Count > 0)
        {
            foreach (var member in stack.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    stack.Push(ns);
                }
                else if (member is INamedTypeSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public } type)
                {
                    foreach (var method in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.IsExtensionMethod))
                    {
                        yield return method;
                    }
                }
            }
        }
    }
}
