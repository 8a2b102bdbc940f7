using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using Padre.Pads.Generators.Diagnostics;
using Padre.Pads.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Padre.Pads.Generators.Mapping;

/// <summary>
/// Reads a <c>*.padre.yml</c> file into a <see cref="MappingFile"/>. Never throws: every problem becomes a
/// diagnostic at the file and line, and the parts that are valid are kept.
/// </summary>
internal sealed class MappingReader
{
    private static readonly string[] RootKeys = ["metadata", "fragments", "mappings"];
    private static readonly string[] MetadataKeys = ["author", "version", "description", "library"];
    private static readonly string[] LibraryKeys = ["name", "versions"];
    private static readonly string[] EntryKeys = ["methods", "hooks", "include", "data", "step", "metrics"];
    private static readonly string[] FragmentKeys = ["hooks", "include", "data", "step", "metrics"];
    private static readonly string[] MetricsKeys = ["only-when-nonzero"];
    private static readonly string[] Roles = ["input", "target", "model", "options", "ignore"];

    private readonly string _path;
    private readonly List<DiagnosticInfo> _diagnostics = [];

    private MappingReader(string path) => _path = path;

    public static MappingFile Read(string path, string text, bool builtIn)
    {
        var reader = new MappingReader(path);
        try
        {
            return reader.ReadDocument(text, builtIn);
        }
        catch (YamlException e)
        {
            reader.Report(Descriptors.InvalidYaml, e.Start, Path.GetFileName(path), FirstLine(e.Message));
            return reader.Empty(builtIn);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            // YamlDotNet reports some malformed input (duplicate keys, stray events) with non-YAML exceptions.
            reader.Report(Descriptors.InvalidYaml, Mark.Empty, Path.GetFileName(path), FirstLine(e.Message));
            return reader.Empty(builtIn);
        }
    }

    private MappingFile Empty(bool builtIn) =>
        new(_path, builtIn, null, null, null, null, EquatableArray<MappingRule>.Empty, _diagnostics.ToEquatableArray());

    private MappingFile ReadDocument(string text, bool builtIn)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return Empty(builtIn);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Report(Descriptors.InvalidValue, stream.Documents[0].RootNode.Start, "(file)", "the file must be a mapping with the keys metadata, fragments and mappings");
            return Empty(builtIn);
        }

        CheckKeys(root, RootKeys, "the file");
        string? author = null;
        string? library = null;
        VersionRange? versions = null;
        SourceSpan? versionsLocation = null;
        if (Child(root, "metadata") is { } metadataNode && Expect<YamlMappingNode>(metadataNode, "metadata", "a mapping") is { } metadata)
        {
            CheckKeys(metadata, MetadataKeys, "metadata");
            author = Scalar(metadata, "author");
            if (Child(metadata, "library") is { } libraryNode && Expect<YamlMappingNode>(libraryNode, "metadata.library", "a mapping") is { } lib)
            {
                CheckKeys(lib, LibraryKeys, "metadata.library");
                library = Scalar(lib, "name");
                if (Child(lib, "versions") is YamlScalarNode versionNode && versionNode.Value is { } versionText)
                {
                    versionsLocation = Span(versionNode.Start, versionNode.End);
                    if (!VersionRange.TryParse(versionText, out versions, out var error))
                    {
                        Report(Descriptors.InvalidValue, versionNode.Start, "metadata.library.versions", error!);
                    }
                }
            }
        }

        var fragments = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        if (Child(root, "fragments") is { } fragmentsNode && Expect<YamlMappingNode>(fragmentsNode, "fragments", "a mapping of fragment names to hook sets") is { } fragmentMap)
        {
            foreach (var pair in fragmentMap.Children)
            {
                if (pair.Key is YamlScalarNode { Value: { } name } && Expect<YamlMappingNode>(pair.Value, "fragments." + name, "a mapping") is { } body)
                {
                    CheckKeys(body, FragmentKeys, "fragment '" + name + "'");
                    fragments[name] = body;
                }
            }
        }

        var rules = new List<MappingRule>();
        if (Child(root, "mappings") is { } mappingsNode && Expect<YamlMappingNode>(mappingsNode, "mappings", "a mapping of type names to entries") is { } mappings)
        {
            foreach (var pair in mappings.Children)
            {
                if (pair.Key is not YamlScalarNode { Value: { } typeName } || typeName.Trim().Length == 0)
                {
                    Report(Descriptors.InvalidValue, pair.Key.Start, "mappings", "a type name must be a non-empty string");
                    continue;
                }

                var entries = pair.Value switch
                {
                    YamlSequenceNode seq => seq.Children,
                    YamlMappingNode single => new[] { (YamlNode)single },
                    _ => null,
                };
                if (entries is null)
                {
                    Report(Descriptors.InvalidValue, pair.Value.Start, typeName, "expected an entry (methods/hooks) or a list of entries");
                    continue;
                }

                foreach (var entryNode in entries)
                {
                    if (Expect<YamlMappingNode>(entryNode, typeName, "an entry with 'methods' and 'hooks'") is { } entry
                        && ReadEntry(typeName.Trim(), entry, fragments) is { } rule)
                    {
                        rules.Add(rule);
                    }
                }
            }
        }

        return new MappingFile(_path, builtIn, author, library, versions, versionsLocation, rules.ToEquatableArray(), _diagnostics.ToEquatableArray());
    }

    private MappingRule? ReadEntry(string typeName, YamlMappingNode entry, Dictionary<string, YamlMappingNode> fragments)
    {
        CheckKeys(entry, EntryKeys, "the entry of '" + typeName + "'");
        var methods = new List<MethodPattern>();
        var methodsNode = Child(entry, "methods");
        if (methodsNode is null)
        {
            Report(Descriptors.InvalidValue, entry.Start, typeName, "the entry needs 'methods:' (names or /regular expressions/)");
            return null;
        }

        foreach (var (text, node) in Strings(methodsNode, typeName + ".methods"))
        {
            if (MethodPattern.Validate(text) is { } error)
            {
                Report(Descriptors.InvalidValue, node.Start, typeName + ".methods", error);
            }
            else
            {
                methods.Add(new MethodPattern(text.Trim()));
            }
        }

        var hooks = HookSet.None;
        var data = new List<DataRole>();
        var guards = new List<MetricGuard>();
        string? step = null;
        ApplyBody(entry, typeName, fragments, ref hooks, data, guards, ref step, new HashSet<string>());
        if (hooks == HookSet.None && Child(entry, "hooks") is null && Child(entry, "include") is null)
        {
            Report(Descriptors.InvalidValue, entry.Start, typeName, "the entry has no hooks; add 'hooks: [...]' (" + string.Join(", ", HookNames.All) + ") or 'include: [fragment]'");
            return null;
        }

        return methods.Count == 0 || hooks == HookSet.None
            ? null
            : new MappingRule(typeName, methods.ToEquatableArray(), hooks, data.ToEquatableArray(), step, guards.ToEquatableArray(), _path, Span(entry.Start, entry.Start));
    }

    private void ApplyBody(YamlMappingNode body, string owner, Dictionary<string, YamlMappingNode> fragments, ref HookSet hooks, List<DataRole> data, List<MetricGuard> guards, ref string? step, HashSet<string> visiting)
    {
        if (Child(body, "include") is { } includeNode)
        {
            foreach (var (name, node) in Strings(includeNode, owner + ".include"))
            {
                if (!fragments.TryGetValue(name, out var fragment))
                {
                    Report(Descriptors.UnknownFragment, node.Start, name);
                }
                else if (visiting.Add(name))
                {
                    ApplyBody(fragment, "fragment '" + name + "'", fragments, ref hooks, data, guards, ref step, visiting);
                    visiting.Remove(name);
                }
                else
                {
                    Report(Descriptors.InvalidValue, node.Start, owner + ".include", "fragment '" + name + "' includes itself");
                }
            }
        }

        if (Child(body, "hooks") is { } hooksNode)
        {
            foreach (var (name, node) in Strings(hooksNode, owner + ".hooks"))
            {
                if (HookNames.TryParse(name, out var hook))
                {
                    hooks |= hook;
                }
                else
                {
                    Report(Descriptors.InvalidValue, node.Start, owner + ".hooks", "'" + name + "' is not a hook; use one of " + string.Join(", ", HookNames.All));
                }
            }
        }

        if (Child(body, "data") is { } dataNode && Expect<YamlMappingNode>(dataNode, owner + ".data", "a mapping of parameter names to roles") is { } dataMap)
        {
            foreach (var pair in dataMap.Children)
            {
                if (pair.Key is YamlScalarNode { Value: { } parameter } && pair.Value is YamlScalarNode { Value: { } role })
                {
                    if (Array.IndexOf(Roles, role) < 0)
                    {
                        Report(Descriptors.InvalidValue, pair.Value.Start, owner + ".data." + parameter, "'" + role + "' is not a data role; use one of " + string.Join(", ", Roles));
                    }
                    else
                    {
                        data.RemoveAll(d => d.Parameter == parameter);
                        data.Add(new DataRole(parameter, role));
                    }
                }
                else
                {
                    Report(Descriptors.InvalidValue, pair.Key.Start, owner + ".data", "each entry must be 'parameterName: role'");
                }
            }
        }

        if (Child(body, "metrics") is { } metricsNode && Expect<YamlMappingNode>(metricsNode, owner + ".metrics", "a mapping") is { } metrics)
        {
            CheckKeys(metrics, MetricsKeys, owner + ".metrics");
            if (Child(metrics, "only-when-nonzero") is { } guardsNode
                && Expect<YamlMappingNode>(guardsNode, owner + ".metrics.only-when-nonzero", "a mapping of a member to the members logged only when it is not zero") is { } guardMap)
            {
                foreach (var pair in guardMap.Children)
                {
                    if (pair.Key is not YamlScalarNode { Value: { Length: > 0 } guard })
                    {
                        Report(Descriptors.InvalidValue, pair.Key.Start, owner + ".metrics.only-when-nonzero", "each entry must be 'GuardMember: [Member, ...]'");
                        continue;
                    }

                    foreach (var (member, _) in Strings(pair.Value, owner + ".metrics.only-when-nonzero." + guard))
                    {
                        guards.RemoveAll(g => g.Member == member);
                        guards.Add(new MetricGuard(member, guard));
                    }
                }
            }
        }

        if (Child(body, "step") is { } stepNode)
        {
            if (stepNode is YamlScalarNode { Value: { Length: > 0 } stepName })
            {
                step = stepName;
            }
            else
            {
                Report(Descriptors.InvalidValue, stepNode.Start, owner + ".step", "the step name must be a non-empty string");
            }
        }
    }

    private IEnumerable<(string Text, YamlNode Node)> Strings(YamlNode node, string owner)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } single }:
                yield return (single, node);
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode { Value: { } text })
                    {
                        yield return (text, item);
                    }
                    else
                    {
                        Report(Descriptors.InvalidValue, item.Start, owner, "expected a string");
                    }
                }

                break;
            default:
                Report(Descriptors.InvalidValue, node.Start, owner, "expected a string or a list of strings");
                break;
        }
    }

    private T? Expect<T>(YamlNode node, string owner, string what)
        where T : YamlNode
    {
        if (node is T typed)
        {
            return typed;
        }

        Report(Descriptors.InvalidValue, node.Start, owner, "expected " + what);
        return null;
    }

    private void CheckKeys(YamlMappingNode node, string[] allowed, string owner)
    {
        foreach (var key in node.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || Array.IndexOf(allowed, name) < 0)
            {
                Report(Descriptors.UnknownKey, key.Start, (key as YamlScalarNode)?.Value ?? key.ToString(), owner, string.Join(", ", allowed));
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private string? Scalar(YamlMappingNode node, string key) =>
        Child(node, key) is { } value ? Expect<YamlScalarNode>(value, key, "a string")?.Value : null;

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, Mark at, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, Span(at, at), arguments));

    private SourceSpan Span(Mark start, Mark end)
    {
        // YamlDotNet marks are 1-based lines/columns; Roslyn wants 0-based positions.
        var from = new LinePosition(Math.Max(0, (int)start.Line - 1), Math.Max(0, (int)start.Column - 1));
        var to = new LinePosition(Math.Max(0, (int)end.Line - 1), Math.Max(0, (int)end.Column - 1));
        if (to < from)
        {
            to = from;
        }

        var startIndex = (int)Math.Max(0, start.Index);
        var length = (int)Math.Max(0, end.Index - start.Index);
        return new SourceSpan(_path, new TextSpan(startIndex, length), new LinePositionSpan(from, to));
    }

    private static string FirstLine(string message)
    {
        var cut = message.IndexOfAny(['\r', '\n']);
        var line = cut >= 0 ? message.Substring(0, cut) : message;
        var paren = line.IndexOf("): ", StringComparison.Ordinal);
        return paren >= 0 && line.StartsWith("(", StringComparison.Ordinal) ? line.Substring(paren + 3) : line;
    }
}
